import { RequestLinkForm } from "./RequestLinkForm";

export const metadata = { title: "Get a sign-in link" };

export default function FamilySignInPage() {
  return (
    <>
      <h1 className="h-l">Get a sign-in link</h1>
      <p className="body">Enter your email address. If we have a case for you, we will email you a link to sign in. The link works once and lasts 15 minutes.</p>
      <RequestLinkForm />
    </>
  );
}
