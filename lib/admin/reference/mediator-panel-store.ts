/**
 * What the mediator panel's commands and queries share (issue 13): the scoped "find this mediator
 * or 404" lookup (lib/auth/scope.ts mediatorPanelScope: mediator users, for admins).
 */
import "server-only";
import { db, type Prisma, type Tx } from "@/lib/platform/db";
import { mediatorPanelScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";

export async function findPanelMediatorOrThrow<S extends Prisma.UserSelect>(user: SessionUser, id: string, select: S, client: Pick<Tx, "user"> = db()): Promise<Prisma.UserGetPayload<{ select: S }>> {
  const row = await client.user.findFirst({ where: { AND: [{ id: typeof id === "string" ? id.slice(0, 200) : "" }, mediatorPanelScope(user)] }, select });
  if (!row) throw new NotFoundError("mediator");
  return row as Prisma.UserGetPayload<{ select: S }>;
}
