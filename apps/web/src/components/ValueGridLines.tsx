/**
 * The value axis of an SVG chart: a light horizontal line across the plot at each tick, labelled at
 * its left end with the tick's `label` (or its value).
 */
export function ValueGridLines({ plot, ticks }: {
  plot: { readonly left: number; readonly right: number };
  ticks: readonly { readonly value: number; readonly y: number; readonly label?: string }[];
}) {
  return (
    <>
      {ticks.map((t) => (
        <g key={t.value}>
          <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} stroke="#d1d5db" />
          <text x={plot.left - 6} y={t.y + 4} textAnchor="end">
            {t.label ?? t.value}
          </text>
        </g>
      ))}
    </>
  );
}
