import { useElementWidth } from '../app/useElementWidth.ts';
import { seriesColour } from '../lib/chartColours.ts';
import { columnChartGeometry, type ColumnDatum } from '../lib/columnChartGeometry.ts';

/**
 * A vertical stacked column chart in SVG (one column per item, e.g. per day) with a count axis,
 * a legend, and a text alternative: the picture is one `role="img"` with a summary for screen
 * readers, and a visually hidden table holds every figure. Laid out at its rendered width.
 */
export function StackedColumnChart({ title, summary, series, data, itemHeader = 'Item', testId }: {
  title: string;
  /** One sentence for screen readers about what the chart shows (totals, peaks). */
  summary: string;
  series: readonly string[];
  data: readonly (ColumnDatum & { readonly description?: string })[];
  itemHeader?: string;
  testId?: string;
}) {
  const [ref, width] = useElementWidth<HTMLElement>(600);
  const g = columnChartGeometry(data, { width });
  return (
    <figure ref={ref} className="chart-figure" data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
        <span className="row">
          {series.map((s, i) => (
            <span key={s}>
              <svg width="12" height="12" aria-hidden="true">
                <rect width="12" height="12" fill={seriesColour(i)} />
              </svg>{' '}
              {s}
            </span>
          ))}
        </span>
      </figcaption>
      <svg className="chart" viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={`${title}. ${summary}`}>
        {g.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={g.plot.left} x2={g.plot.right} y1={t.y} y2={t.y} stroke="#d1d5db" />
            <text x={g.plot.left - 6} y={t.y + 4} textAnchor="end">
              {t.value}
            </text>
          </g>
        ))}
        {g.columns.map((c) => (
          <g key={c.label} data-total={c.total}>
            {c.segments.map((s) => (
              <rect key={s.series} x={s.x} y={s.y} width={s.width} height={s.height} fill={seriesColour(s.series)}>
                <title>{`${c.label}: ${s.value} ${series[s.series] ?? ''}`}</title>
              </rect>
            ))}
            {c.showLabel ? (
              <text x={c.cx} y={g.plot.bottom + 16} textAnchor="middle">
                {c.label}
              </text>
            ) : null}
          </g>
        ))}
        <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} stroke="#4b5563" />
      </svg>
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{itemHeader}</th>
              {series.map((s) => (
                <th key={s} scope="col">
                  {s}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.description ?? d.label}</th>
                {series.map((s, i) => (
                  <td key={s}>{d.values[i] ?? 0}</td>
                ))}
                <td>{d.values.reduce((a, b) => a + b, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
