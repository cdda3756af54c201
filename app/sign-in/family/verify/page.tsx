import Link from "next/link";
import { ContinueButton } from "./ContinueButton";

export const metadata = { title: "Sign in to your case" };

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  if (!token)
    return (
      <>
        <h1 className="h-l">This sign-in link is not complete</h1>
        <p className="body">
          Copy the whole link from the email, or <Link href="/sign-in/family">get a new sign-in link</Link>.
        </p>
      </>
    );
  return (
    <>
      <h1 className="h-l">Sign in to your case</h1>
      <ContinueButton token={token} />
    </>
  );
}
