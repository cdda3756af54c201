/** "1 case", "1,204 cases": the case list's caption. */
export function caseCountText(n: number): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? "case" : "cases"}`;
}
