import { Tag } from "@/components/Tag";
import type { AccreditationStatus } from "@/lib/admin/reference/accreditation";

/** Expired (red) or expiring soon (yellow); nothing when valid or not recorded. */
export function AccreditationTag({ status }: { status: AccreditationStatus }) {
  if (status === "EXPIRED") return <Tag colour="red">Expired</Tag>;
  if (status === "EXPIRING") return <Tag colour="yellow">Expires soon</Tag>;
  return null;
}
