/**
 * The one way lib/cases/notes reads a note by id: through caseNoteScope (lib/auth/scope.ts), so a
 * note the user may not read is simply not found (404), whatever their role.
 */
import "server-only";
import { db, type Prisma, type Tx } from "@/lib/platform/db";
import { caseNoteScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";

export async function findNoteOrThrow<S extends Prisma.CaseNoteSelect>(user: SessionUser, caseId: string, noteId: string, select: S, client: Pick<Tx, "caseNote"> = db()): Promise<Prisma.CaseNoteGetPayload<{ select: S }>> {
  const row = await client.caseNote.findFirst({ where: { AND: [caseNoteScope(user), { id: noteId, caseId }] }, select });
  if (!row) throw new NotFoundError("note");
  return row as Prisma.CaseNoteGetPayload<{ select: S }>;
}
