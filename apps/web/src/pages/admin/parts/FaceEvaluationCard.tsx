import { useLoad } from '../../../app/useLoad.ts';
import { parseFaceEvaluation, percent } from '../../../lib/faceEvaluation.ts';

/**
 * The latest face evaluation (`npm run bench:face`), bundled at build time from
 * `bench/results/face.json` into its own chunk that only the dashboard loads.
 */
export function FaceEvaluationCard() {
  const evaluation = useLoad('face-evaluation', async () => parseFaceEvaluation((await import('../../../../../../bench/results/face.json')).default));
  const e = evaluation.data;
  if (e === undefined || e === null) return null;
  return (
    <section className="card" aria-labelledby="face-eval-h">
      <h2 id="face-eval-h">Face recognition evaluation</h2>
      {e.protocol === null ? null : <p className="hint">{e.protocol}</p>}
      <div className="stat-grid" data-testid="face-evaluation">
        <div className="stat">
          <span className="value">{percent(e.accuracy)}</span> accuracy{e.accuracyStd === null ? null : ` (± ${percent(e.accuracyStd)})`}
        </div>
        <div className="stat">
          <span className="value">{percent(e.eer)}</span> equal error rate
        </div>
        <div className="stat">
          <span className="value">{percent(e.tarAtFar1e3)}</span> true accepts at 0.1% false accepts
        </div>
      </div>
      {e.roc.length === 0 ? null : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="ROC points (scrollable)">
          <table data-testid="face-roc">
            <caption>ROC curve points</caption>
            <thead>
              <tr>
                <th scope="col">False accept rate</th>
                <th scope="col">True accept rate</th>
              </tr>
            </thead>
            <tbody>
              {e.roc.map((p) => (
                <tr key={`${p.far}:${p.tar}`}>
                  <td>{p.far}</td>
                  <td>{percent(p.tar)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {e.generatedAt === null ? null : <p className="hint">Measured {e.generatedAt.slice(0, 10)}.</p>}
    </section>
  );
}
