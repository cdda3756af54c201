/**
 * For /admin/local-authorities/[id] and /admin/health-bodies/[id] (issue 13): one body's details
 * to change, whether it is in use and how many cases refer to it (a body with cases can only be
 * deactivated; none is ever deleted). Admins only; 404 for anyone else and for one that does not exist.
 */
import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import type { BodyKind } from "./body-schema";
import { findBodyOrThrow } from "./body-store";

export async function getReferenceBody(user: SessionUser, kind: BodyKind, id: string) {
  authorize(user, "reference-data:manage");
  const b = await findBodyOrThrow(user, kind, id);
  return { ...b, values: { code: b.code, name: b.name, noticeEmail: b.noticeEmail ?? "", expectedVersion: String(b.version) } };
}

export type ReferenceBodyPage = Awaited<ReturnType<typeof getReferenceBody>>;
