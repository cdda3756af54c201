/**
 * Who hears that a case may miss its last day: the allocated mediator, and the caseworker who
 * created the case — or, when no caseworker owns it (a family's own request through the website,
 * a case created by an admin, or its creator has left), every active caseworker, so it is never
 * nobody's. docs/decisions/0011-jobs.md. One email per address.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";

export type AlertRecipient = { name: string; email: string; role: "MEDIATOR" | "CASEWORKER" };

export async function clockAlertRecipients(tx: Tx, caseId: string): Promise<AlertRecipient[]> {
  const c = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { createdById: true, allocatedMediator: { select: { name: true, email: true, active: true } } } });
  const creator = c.createdById ? await tx.user.findUnique({ where: { id: c.createdById }, select: { name: true, email: true, role: true, active: true } }) : null;
  const caseworkers =
    creator?.active && creator.role === "CASEWORKER"
      ? [creator]
      : await tx.user.findMany({ where: { role: "CASEWORKER", active: true }, orderBy: { email: "asc" }, select: { name: true, email: true } });
  const all: AlertRecipient[] = [
    ...(c.allocatedMediator?.active ? [{ name: c.allocatedMediator.name, email: c.allocatedMediator.email, role: "MEDIATOR" as const }] : []),
    ...caseworkers.map((u) => ({ name: u.name, email: u.email, role: "CASEWORKER" as const })),
  ];
  const seen = new Set<string>();
  return all.filter((r) => !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()));
}
