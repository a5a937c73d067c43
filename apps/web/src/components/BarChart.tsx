/** One bar of a {@link BarChart}: a label and one value per series. */
export interface BarDatum {
  readonly label: string;
  readonly values: readonly number[];
}

const colours = ['#14532d', '#b45309', '#991b1b', '#1d4ed8'];

/**
 * A horizontal, stacked bar chart in SVG with a text alternative (a table for screen readers),
 * so the figures are readable without the picture.
 */
export function BarChart({ title, series, data, unit = '' }: { title: string; series: readonly string[]; data: readonly BarDatum[]; unit?: string }) {
  const max = Math.max(1, ...data.map((d) => d.values.reduce((a, b) => a + b, 0)));
  const rowH = 22;
  const labelW = 170;
  const width = 600;
  const height = data.length * rowH + 24;
  return (
    <figure>
      <figcaption>
        <strong>{title}</strong>
        <span className="row">
          {series.map((s, i) => (
            <span key={s}>
              <svg width="12" height="12" aria-hidden="true">
                <rect width="12" height="12" fill={colours[i % colours.length]} />
              </svg>{' '}
              {s}
            </span>
          ))}
        </span>
      </figcaption>
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        {data.map((d, r) => {
          let x = labelW;
          return (
            <g key={d.label} transform={`translate(0 ${r * rowH})`}>
              <text x={labelW - 6} y={rowH * 0.7} textAnchor="end">
                {d.label.length > 28 ? `${d.label.slice(0, 27)}…` : d.label}
              </text>
              {d.values.map((v, i) => {
                const w = ((width - labelW - 60) * v) / max;
                const rect = <rect key={series[i] ?? i} x={x} y={3} width={Math.max(0, w)} height={rowH - 6} fill={colours[i % colours.length]} />;
                x += w;
                return rect;
              })}
              <text x={x + 4} y={rowH * 0.7}>
                {`${Math.round(d.values.reduce((a, b) => a + b, 0) * 10) / 10}${unit}`}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
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
    </figure>
  );
}
