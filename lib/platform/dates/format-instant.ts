/** Pure (no database, no Next): also for the family's Pages Router pages (decision 0038). */
const AT_FORMAT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** An instant shown in UK time (R-63: the time zone is applied at the boundary), e.g. "1 April 2025, 14:05". */
export function formatInstant(iso: string): string {
  return AT_FORMAT.format(new Date(iso));
}
