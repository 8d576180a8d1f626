/**
 * A horizontal bar chart in SVG, for the reports. It is a picture of figures that are also in a
 * table right below it (the text equivalent, WCAG 1.1.1), so the picture is one image with a title
 * and a description rather than a second, harder-to-read copy of the table for screen readers.
 *
 * Bars are laid out in percentages of the width with text at a fixed size, so the chart stays
 * readable at 360 px: each row's label sits above its bars, each value just after its bar.
 */
export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartRow {
  key: string;
  label: string;
  values: readonly number[];
}

const labelLine = 22;
const barLine = 20;
const rowGap = 12;
/** The longest bar leaves room at the right for its value. */
const barShare = 58;

export function BarChart(p: {
  id: string;
  title: string;
  description: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  format: (value: number) => string;
}) {
  const max = Math.max(1, ...p.rows.flatMap((r) => r.values));
  const rowHeight = labelLine + p.series.length * barLine + rowGap;
  const height = Math.max(1, p.rows.length * rowHeight);
  return (
    <figure class="chart" aria-labelledby={`${p.id}-caption`}>
      <figcaption id={`${p.id}-caption`} class="chart-caption">
        {p.title}
      </figcaption>
      {p.series.length > 1 && (
        <ul class="chart-legend">
          {p.series.map((s, i) => (
            <li key={s.key}>
              <span class={`chart-swatch chart-fill-${i}`} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg
        class="chart-svg"
        role="img"
        aria-labelledby={`${p.id}-title ${p.id}-desc`}
        width="100%"
        height={height}
        data-chart={p.id}
      >
        <title id={`${p.id}-title`}>{p.title}</title>
        <desc id={`${p.id}-desc`}>{p.description}</desc>
        {p.rows.map((row, r) => {
          const top = r * rowHeight;
          return (
            <g key={row.key}>
              <text x="0" y={top + 16} class="chart-label">
                {row.label}
              </text>
              {p.series.map((s, i) => {
                const value = row.values[i] ?? 0;
                const y = top + labelLine + i * barLine;
                const width = value > 0 ? Math.max(0.5, (value / max) * barShare) : 0;
                return (
                  <g key={s.key}>
                    <rect
                      x="0"
                      y={y + 2}
                      width={`${width}%`}
                      height={barLine - 6}
                      class={`chart-fill-${i}`}
                    />
                    <text x={`${width}%`} dx="6" y={y + barLine - 6} class="chart-value">
                      {p.format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
