import { useElementWidth } from '../../../app/useElementWidth.ts';
import { ValueGridLines } from '../../../components/ValueGridLines.tsx';
import type { FaceEvaluation } from '../../../lib/faceEvaluation.ts';
import { percent } from '../../../lib/faceEvaluation.ts';
import { rocChartGeometry } from '../../../lib/rocChartGeometry.ts';

const farText = (far: number): string => (far === 0 ? '0' : `${Number((far * 100).toPrecision(2))}%`);

/**
 * The ROC curve of an evaluation run: true accept rate against false accept rate on a log axis
 * (1e-4…1), with TAR at FAR 1e-3 and the equal-error point marked. One `role="img"` with the key
 * figures as its name; the points are also in a table that can be opened. Laid out at its
 * rendered width.
 */
export function RocChart({ evaluation: e }: { evaluation: FaceEvaluation }) {
  const [ref, width] = useElementWidth<HTMLElement>(560);
  const g = rocChartGeometry(e.roc, { tarAtFar1e3: e.tarAtFar1e3, eer: e.eer, width });
  const label = `ROC curve of the latest evaluation: true accept rate against false accept rate on a logarithmic scale from 0.01% to 100%. True accept rate ${percent(e.tarAtFar1e3)} at 0.1% false accepts; equal error rate ${percent(e.eer)}.`;
  const midX = (g.plot.left + g.plot.right) / 2;
  const midY = (g.plot.top + g.plot.bottom) / 2;
  return (
    <figure ref={ref} className="chart-figure" data-testid="face-roc">
      <figcaption>
        <strong>ROC curve</strong> <span className="hint">(true accepts against false accepts; the TAR axis starts at {percent(g.yMin)})</span>
      </figcaption>
      <svg className="chart" viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={label}>
        {g.xTicks.map((t) => (
          <g key={t.value}>
            <line x1={t.x} x2={t.x} y1={g.plot.top} y2={g.plot.bottom} stroke="#d1d5db" />
            <text x={t.x} y={g.plot.bottom + 16} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        <ValueGridLines plot={g.plot} ticks={g.yTicks} />
        <rect x={g.plot.left} y={g.plot.top} width={g.plot.right - g.plot.left} height={g.plot.bottom - g.plot.top} fill="none" stroke="#4b5563" />
        <text x={midX} y={g.height - 6} textAnchor="middle">
          False accept rate (log scale)
        </text>
        <text x={12} y={midY} textAnchor="middle" transform={`rotate(-90 12 ${midY})`}>
          True accept rate
        </text>
        <path d={g.path} fill="none" stroke="#14532d" strokeWidth={2.5} data-testid="roc-path" />
        {g.eerPoint === null ? null : (
          <g>
            <rect x={g.eerPoint.x - 4} y={g.eerPoint.y - 4} width={8} height={8} fill="#1d4ed8" />
            <text x={g.eerPoint.x + 8} y={g.eerPoint.y + 16}>{`EER ${percent(e.eer)}`}</text>
          </g>
        )}
        {g.marker === null ? null : (
          <g>
            <circle cx={g.marker.x} cy={g.marker.y} r={5} fill="#991b1b" />
            <text x={g.marker.x + 8} y={g.marker.y + 18}>
              <tspan>{`TAR ${percent(e.tarAtFar1e3)}`}</tspan>
              <tspan x={g.marker.x + 8} dy={14}>
                at FAR 10⁻³
              </tspan>
            </text>
          </g>
        )}
      </svg>
      {e.roc.length === 0 ? null : (
        <details>
          <summary>ROC points as a table</summary>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="ROC points (scrollable)">
            <table>
              <caption className="sr-only">ROC curve points</caption>
              <thead>
                <tr>
                  <th scope="col">False accept rate</th>
                  <th scope="col">True accept rate</th>
                </tr>
              </thead>
              <tbody>
                {e.roc.map((p) => (
                  <tr key={`${p.far}:${p.tar}`}>
                    <td>{farText(p.far)}</td>
                    <td>{percent(p.tar)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
