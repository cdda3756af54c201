import { FORM_TITLE_METADATA } from "@/components/page-title";
import { requireUser } from "../../_server/auth";
import { listVenueLocalAuthorities } from "@/lib/meetings/venues/list-venue-local-authorities";
import { BackLink } from "../../cases/[id]/_components/Notice";
import { VenueForm } from "../_components/VenueForm";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/** Issue 10: a caseworker adds a venue, with the local authority it serves and its access details. */
export default async function NewVenuePage() {
  const user = await requireUser("venue:manage");
  const localAuthorities = await listVenueLocalAuthorities(user);
  return (
    <>
      <BackLink href="/venues">Back to venues</BackLink>
      <h1 className="h-l">Add a venue</h1>
      <VenueForm submissionKey={newSubmissionKey()} title="Add a venue" initial={{}} localAuthorities={localAuthorities} />
    </>
  );
}
