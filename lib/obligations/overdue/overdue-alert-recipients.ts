/**
 * Who hears that an agreed action is overdue (issue 11): the caseworker who owns the case — or,
 * when none does, every active caseworker (the rule of the day-30 alert, decision 0011) — and every
 * active LA officer of the case's LA, who answers for the LA's actions and follows the rest
 * the LA is a party to the mediation). One email per address.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";

export type OverdueRecipient = { name: string; email: string; role: "CASEWORKER" | "LA_OFFICER" };

export async function overdueAlertRecipients(tx: Tx, caseId: string, localAuthorityId: string): Promise<OverdueRecipient[]> {
  const c = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { createdById: true } });
  const creator = c.createdById ? await tx.user.findUnique({ where: { id: c.createdById }, select: { name: true, email: true, role: true, active: true } }) : null;
  const caseworkers =
    creator?.active && creator.role === "CASEWORKER"
      ? [creator]
      : await tx.user.findMany({ where: { role: "CASEWORKER", active: true }, orderBy: { email: "asc" }, select: { name: true, email: true } });
  const officers = await tx.user.findMany({ where: { role: "LA_OFFICER", active: true, localAuthorityId }, orderBy: { email: "asc" }, select: { name: true, email: true } });
  const all: OverdueRecipient[] = [
    ...caseworkers.map((u) => ({ name: u.name, email: u.email, role: "CASEWORKER" as const })),
    ...officers.map((u) => ({ name: u.name, email: u.email, role: "LA_OFFICER" as const })),
  ];
  const seen = new Set<string>();
  return all.filter((r) => !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()));
}
