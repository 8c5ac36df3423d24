import { html, type SafeHtml } from '../html';

const ROW = 28;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 320;
const VALUE_WIDTH = 60;

/**
 * A horizontal bar chart as inline SVG (no script; the platform's CSP allows no inline styles, so
 * only presentation attributes), followed by the same numbers in a table: the chart is an image with
 * a text alternative naming every bar, and the table is what screen readers and copying use.
 */
export function barChart(id: string, caption: string, bars: { label: string; value: number }[]): SafeHtml {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const height = bars.length * ROW + 8;
  const alt = `${caption}：${bars.map((b) => `${b.label} ${b.value}`).join('，')}`;
  return html`<figure class="chart" aria-labelledby="${id}-caption">
    <figcaption id="${id}-caption">${caption}</figcaption>
    <svg
      role="img"
      aria-label="${alt}"
      viewBox="0 0 ${width} ${height}"
      width="${width}"
      height="${height}"
      class="bar-chart"
    >
      <title>${alt}</title>
      ${bars.map((b, i) => {
        const y = i * ROW + 4;
        const w = Math.round((b.value / max) * BAR_WIDTH);
        return html`<g>
          <text x="${LABEL_WIDTH - 8}" y="${y + 18}" text-anchor="end" font-size="14" fill="#1f2328">
            ${b.label}
          </text>
          <rect
            x="${LABEL_WIDTH}"
            y="${y + 4}"
            width="${Math.max(w, b.value > 0 ? 2 : 0)}"
            height="${ROW - 10}"
            fill="#0b4f9c"
          ></rect>
          <text x="${LABEL_WIDTH + Math.max(w, 0) + 6}" y="${y + 18}" font-size="14" fill="#1f2328"
            >${b.value}</text
          >
        </g>`;
      })}
    </svg>
    <table>
      <thead>
        <tr>
          <th scope="col">项目</th>
          <th scope="col">数量</th>
        </tr>
      </thead>
      <tbody>
        ${bars.map(
          (b) =>
            html`<tr>
              <th scope="row">${b.label}</th>
              <td>${b.value}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </figure>`;
}
