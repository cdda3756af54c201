import { formatDate } from "@/lib/deadlines/calendar";
import { HOLIDAY_DATA_WARNING_MONTHS, type HolidayCoverage } from "@/lib/admin/reference/holiday-coverage";
import { WarningText } from "@/components/WarningText";

/** shown when the bank-holiday data ends within HOLIDAY_DATA_WARNING_MONTHS (or has ended); nothing otherwise. */
export function HolidayCoverageWarning({ coverage: c }: { coverage: HolidayCoverage }) {
  if (!c.endingSoon) return null;
  return (
    <div data-testid="holiday-data-warning">
      <WarningText>
        {c.ended
          ? `The bank-holiday data ended on ${formatDate(c.endsOn)}: working-day deadlines can no longer be worked out. Extend the years it covers now.`
          : `The bank-holiday data ends on ${formatDate(c.endsOn)}, within ${HOLIDAY_DATA_WARNING_MONTHS} months. Extend the years it covers before then, or working-day deadlines after it cannot be worked out.`}
      </WarningText>
    </div>
  );
}
