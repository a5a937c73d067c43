import { useElementWidth } from '../app/useElementWidth.ts';
import { seriesColour } from '../lib/chartColours.ts';
import { columnChartGeometry, type ColumnDatum } from '../lib/columnChartGeometry.ts';
import { ChartCaption } from './ChartCaption.tsx';
import { ChartDataTable } from './ChartDataTable.tsx';
import { ValueGridLines } from './ValueGridLines.tsx';

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
  const rows = data.map((d) => ({ key: d.label, header: d.description ?? d.label, cells: [...series.map((_, i) => d.values[i] ?? 0), d.values.reduce((a, b) => a + b, 0)] }));
  return (
    <figure ref={ref} className="chart-figure" data-testid={testId}>
      <ChartCaption title={title} series={series} />
      <svg className="chart" viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={`${title}. ${summary}`}>
        <ValueGridLines plot={g.plot} ticks={g.yTicks} />
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
      <ChartDataTable title={title} itemHeader={itemHeader} columns={[...series, 'Total']} rows={rows} />
    </figure>
  );
}
