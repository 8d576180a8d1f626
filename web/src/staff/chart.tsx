/**
 * A horizontal bar chart, for the reports. It is a picture of figures that are also in a table
 * right below it (the text equivalent, WCAG 1.1.1), so the picture is one image with a title and a
 * description rather than a second, harder-to-read copy of the table for screen readers.
 *
 * HTML rather than SVG: a row's label is text that wraps, so a long funding source or department
 * name stays whole at 360 px and at 200 % zoom (SVG text is cut at the edge). Each row's label sits
 * above its bars, each value just after its bar; bar lengths are percentages of the width.
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
      <p id={`${p.id}-desc`} hidden>
        {p.description}
      </p>
      <div class="chart-body" role="img" aria-labelledby={`${p.id}-caption ${p.id}-desc`} data-chart={p.id}>
        {p.rows.map((row) => (
          <div key={row.key} class="chart-row">
            <div class="chart-label">{row.label}</div>
            {p.series.map((s, i) => {
              const value = row.values[i] ?? 0;
              const width = value > 0 ? Math.max(0.5, (value / max) * barShare) : 0;
              return (
                <div key={s.key} class="chart-bar-line">
                  <span class={`chart-bar chart-fill-${i}`} style={{ width: `${width}%` }} />
                  <span class="chart-value">{p.format(value)}</span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </figure>
  );
}
