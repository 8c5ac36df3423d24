/**
 * A horizontal bar chart in plain SVG (no chart library: the console's pages are lazy chunks and
 * this one draws a few bars). The chart is an image whose name lists every bar with its number; the
 * numbers are also written beside the bars and, on the page, in a table.
 */
export function BarChart({ title, bars }: { title: string; bars: { label: string; value: number }[] }) {
  const row = 28;
  const labelWidth = 180;
  const barWidth = 260;
  const width = labelWidth + barWidth + 56;
  const height = bars.length * row + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const name = `${title}：${bars.map((b) => `${b.label} ${b.value}`).join('，')}`;
  return (
    <svg
      role="img"
      aria-label={name}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, display: 'block' }}
    >
      {bars.map((b, i) => {
        const y = i * row + 4;
        const w = Math.round((b.value / max) * barWidth);
        return (
          <g key={b.label}>
            <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize={13} fill="rgba(0,0,0,0.88)">
              {b.label}
            </text>
            <rect
              x={labelWidth}
              y={y + 5}
              width={b.value > 0 ? Math.max(w, 2) : 0}
              height={row - 10}
              rx={2}
              fill="#1677ff"
            />
            <text x={labelWidth + w + 6} y={y + 18} fontSize={13} fill="rgba(0,0,0,0.88)">
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
