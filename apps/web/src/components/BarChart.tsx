import { useElementWidth } from '../app/useElementWidth.ts';
import { barChartGeometry, type BarDatum } from '../lib/barChartGeometry.ts';
import { seriesColour } from '../lib/chartColours.ts';

export type { BarDatum } from '../lib/barChartGeometry.ts';

/**
 * A horizontal, stacked bar chart in SVG with a text alternative (a table for screen readers),
 * so the figures are readable without the picture. It lays itself out at its rendered width, with
 * labels above the bars on narrow screens.
 */
export function BarChart({ title, series, data, unit = '' }: { title: string; series: readonly string[]; data: readonly BarDatum[]; unit?: string }) {
  const [ref, width] = useElementWidth<HTMLElement>(600);
  const g = barChartGeometry(data, { width });
  return (
    <figure ref={ref} className="chart-figure">
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
      <svg className="chart" viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={title}>
        {g.rows.map((row) => (
          <g key={row.label}>
            <text x={row.text.x} y={row.text.y} textAnchor={row.text.anchor}>
              {row.text.value}
            </text>
            {row.segments.map((s) => (
              <rect key={s.series} x={s.x} y={s.y} width={s.width} height={s.height} fill={seriesColour(s.series)} />
            ))}
            <text x={row.total.x} y={row.total.y}>{`${row.total.value}${unit}`}</text>
          </g>
        ))}
      </svg>
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              {series.map((s) => (
                <th key={s} scope="col">
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                {d.values.map((v, i) => (
                  <td key={series[i] ?? i}>{Math.round(v * 10) / 10}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
