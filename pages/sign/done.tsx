/** After signing or declining by link (issue 11). No JavaScript (decision 0038). */
import type { GetServerSideProps } from "next";
import { publicPage, type FamilyPageProps } from "@/app/_server/pages";
import { FamilyPage } from "@/components/family/FamilyPage";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Data = { declined: boolean };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) => publicPage<Data>(ctx, { load: async () => ({ declined: ctx.query.outcome === "declined" }) });

const titleOf = (d: Data) => (d.declined ? "Your answer has been recorded" : "Thank you for signing");

export default function SignDonePage(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={titleOf}>
      {(d) => (
        <>
          <h1 className="h-l">{titleOf(d)}</h1>
          <p className="body">
            {d.declined ? "We have recorded that you do not want to sign, and why. The mediator will be in touch." : "When everyone has signed, you will get an email saying your copy is ready."}
          </p>
        </>
      )}
    </FamilyPage>
  );
}
