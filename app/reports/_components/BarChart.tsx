/**
 * A horizontal bar chart drawn as plain SVG on the server (issue 13): no client JavaScript, no
 * chart library. Each bar may be split into parts (e.g. within 3 working days / later), told apart
 * by colour, by a white gap and by the numbers written after the bar. The SVG is an image
 * (role="img") whose text alternative says every number; the table beside it holds the same
 * numbers (WCAG 1.1.1, 1.4.1).
 */
export type ChartPart = { value: number; /** Written after the bar: "3 later". */ label: string };
export type ChartBar = { label: string; parts: ChartPart[] };

/** GOV.UK blue and red: each at least 4.5:1 on white (WCAG 1.4.11 asks 3:1). */
const PART_COLOURS = ["#1d70b8", "#d4351c", "#0b0c0c"];
const WIDTH = 640;
const BAR_SPACE = 440;
const ROW = 50;

const partsText = (b: ChartBar) => (b.parts.length === 1 ? String(b.parts[0]!.value) : b.parts.map((p) => `${p.value} ${p.label}`).join(", "));

export function BarChart({ id, title, bars, legend }: { id: string; title: string; bars: ChartBar[]; legend?: string[] }) {
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((s, p) => s + p.value, 0)));
  const top = legend ? 30 : 4;
  const height = top + bars.length * ROW;
  const alternative = `${bars.map((b) => `${b.label}, ${partsText(b)}`).join("; ")}.`;
  return (
    <figure className="mb-6" data-testid={`chart-${id}`}>
      <svg role="img" aria-labelledby={`${id}-chart-title ${id}-chart-desc`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH }} xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-chart-title`}>{title}</title>
        <desc id={`${id}-chart-desc`}>{alternative}</desc>
        {legend?.map((l, i) => (
          <g key={l}>
            <rect x={i * 220} y={4} width={16} height={16} fill={PART_COLOURS[i]} />
            <text x={i * 220 + 22} y={17} fontSize={14} fill="#0b0c0c">
              {l}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const y = top + i * ROW;
          let x = 0;
          return (
            <g key={b.label}>
              <text x={0} y={y + 15} fontSize={14} fill="#0b0c0c">
                {b.label}
              </text>
              {b.parts.map((p, j) => {
                const w = (p.value / max) * BAR_SPACE;
                const rect = w > 0 ? <rect key={j} x={x} y={y + 21} width={Math.max(w - (j < b.parts.length - 1 ? 2 : 0), 1)} height={20} fill={PART_COLOURS[j]} /> : null;
                x += w;
                return rect;
              })}
              <text x={x + 8} y={y + 36} fontSize={14} fill="#0b0c0c">
                {partsText(b)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
