/**
 * Issue 13 (decision 0028): the privacy notice for families, in plain English. Public (no sign-in),
 * linked from every page's footer. The full record of processing is
 * docs/data-protection/record-of-processing.md. No JavaScript (decision 0038).
 */
import type { GetServerSideProps } from "next";
import Link from "next/link";
import { publicPage, type FamilyPageProps } from "@/app/_server/pages";
import { FamilyPage } from "@/components/family/FamilyPage";
import { retentionYears, RETENTION_CHILD_AGE } from "@/lib/data-protection/retention";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Data = { years: number; childAge: number };

export const getServerSideProps: GetServerSideProps<FamilyPageProps<Data>> = (ctx) => publicPage<Data>(ctx, { load: async () => ({ years: retentionYears(), childAge: RETENTION_CHILD_AGE }) });

export default function PrivacyPage(props: FamilyPageProps<Data>) {
  return (
    <FamilyPage props={props} title={() => "Privacy notice"}>
      {(d) => (
        <>
          <h1 className="h-l">How we use your information</h1>
          <p className="body">
            This notice is for parents, young people and anyone else taking part in SEND mediation or disagreement resolution with us. It explains what we keep about you and your child, why,
            who we share it with, how long we keep it, and your rights.
          </p>

          <h2 className="h-m">Why we hold your information</h2>
          <p className="body">
            The law gives families the right to mediation when they disagree with a local authority about a child&apos;s special educational needs (the Children and Families Act 2014 and the
            Special Educational Needs and Disability Regulations 2014). Local authorities must arrange it, and they ask us to run it. We use your information to arrange and hold the
            mediation, to issue the certificate you may need to appeal, and to follow up what was agreed.
          </p>
          <p className="body">
            We do this as a public task and to meet legal obligations. Some of what you tell us is about your child&apos;s health or disability. The law allows us to use it because it is
            needed for this service, and we protect it with extra care.
          </p>

          <h2 className="h-m">What we keep</h2>
          <ul className="body list-disc pl-6">
            <li>your name and how to contact you, and any help you need to take part</li>
            <li>your child&apos;s name, date of birth, school or setting, and whether they have an EHC plan</li>
            <li>what the disagreement is about, and the decisions the local authority made</li>
            <li>meetings, who came, and what was agreed</li>
            <li>your views and your child&apos;s views, and documents you send us</li>
            <li>the emails we send you, and a record of who did what on your case</li>
          </ul>

          <h2 className="h-m">What stays private</h2>
          <p className="body">
            What is said in mediation is confidential. The mediator&apos;s notes are never shown to the local authority, the health body or anyone else. Only the written agreement and the
            certificate are shared. The only exception is a serious concern about a child&apos;s safety.
          </p>

          <h2 className="h-m">Who we share it with</h2>
          <ul className="body list-disc pl-6">
            <li>the local authority for your case</li>
            <li>the integrated care board (the NHS body for your area), when the disagreement is about health</li>
            <li>the school or setting, and interpreters or supporters, only as far as they take part</li>
          </ul>
          <p className="body">We do not sell your information or use it for marketing.</p>

          <h2 className="h-m">How long we keep it</h2>
          <p className="body">
            We keep a case for {d.years} years after it closes, and at least until the child is {d.childAge}. Then we remove names, contact details, notes and documents. We keep only dates
            and outcomes, with no names, to report on how the service works. If there is an appeal, a complaint or a legal claim, we may keep the case until it is over.
          </p>

          <h2 className="h-m">Your rights</h2>
          <ul className="body list-disc pl-6">
            <li>to get a copy of the information we hold about you</li>
            <li>to have something corrected if it is wrong</li>
            <li>to ask us to delete your information (we may have to keep it while your case is open or if the law needs us to)</li>
            <li>to object to how we use it, or ask us to limit it</li>
          </ul>
          <p className="body">
            To use any of these rights, contact your mediator or the mediation service. We will answer within one month. If you are not happy with how we use your information, you can
            complain to the Information Commissioner&apos;s Office at ico.org.uk or on 0303 123 1113.
          </p>
          <p className="body">
            <Link href="/">Back to the home page</Link>
          </p>
        </>
      )}
    </FamilyPage>
  );
}
