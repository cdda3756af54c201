import Link from "next/link";

export const metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <>
      <h1 className="h-l">Check your email</h1>
      <p className="body">If we have a case for that email address, we have sent you a sign-in link. It works once and lasts 15 minutes.</p>
      <p className="body">The email may take a few minutes to arrive. Check your spam folder too.</p>
      <p className="body">
        <Link href="/sign-in/family">Ask for a new link</Link>
      </p>
    </>
  );
}
