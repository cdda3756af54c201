import { PageTitle } from "@/components/PageTitle";

export const dynamic = "force-dynamic";

/** After signing or declining by link (issue 11). */
export default async function SignDonePage({ searchParams }: { searchParams: Promise<{ outcome?: string }> }) {
  const { outcome } = await searchParams;
  const declined = outcome === "declined";
  const title = declined ? "Your answer has been recorded" : "Thank you for signing";
  return (
    <>
      <PageTitle title={title} />
      <h1 className="h-l">{title}</h1>
      <p className="body">
        {declined
          ? "We have recorded that you do not want to sign, and why. The mediator will be in touch."
          : "When everyone has signed, you will get an email saying your copy is ready."}
      </p>
    </>
  );
}
