import { useElementWidth } from '../app/useElementWidth.ts';
import { barChartGeometry, type BarDatum } from '../lib/barChartGeometry.ts';
import { seriesColour } from '../lib/chartColours.ts';
import { ChartCaption } from './ChartCaption.tsx';
import { ChartDataTable } from './ChartDataTable.tsx';

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
      <ChartCaption title={title} series={series} />
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
      <ChartDataTable title={title} itemHeader="Item" columns={series} rows={data.map((d) => ({ key: d.label, header: d.label, cells: d.values.map((v) => Math.round(v * 10) / 10) }))} />
    </figure>
  );
}
