import { useLoad } from '../../../app/useLoad.ts';
import { parseFaceEvaluation, parseFaceSpeed, percent } from '../../../lib/faceEvaluation.ts';
import { RocChart } from './RocChart.tsx';

const ms = (v: number | null): string => (v === null ? '–' : `${Math.round(v)} ms`);

/**
 * The latest face evaluation run (`authloop eval face`, `bench/results/eval-face.json`) with its ROC
 * curve, and the speed figures of the face benchmark (`npm run bench:face`, `bench/results/face.json`).
 * Both files are bundled at build time into chunks that only the dashboard loads.
 */
export function FaceEvaluationCard() {
  const loaded = useLoad('face-evaluation', async () => {
    const [run, bench] = await Promise.all([import('../../../../../../bench/results/eval-face.json'), import('../../../../../../bench/results/face.json')]);
    return { e: parseFaceEvaluation(run.default), speed: parseFaceSpeed(bench.default) };
  });
  if (loaded.data === undefined) return null;
  const { e, speed } = loaded.data;
  return (
    <section className="card" aria-labelledby="face-eval-h">
      <h2 id="face-eval-h">Face recognition evaluation</h2>
      <p className="hint">
        {[e.protocol, e.pairs === null ? null : `${e.pairs} pairs`, e.engine === null ? null : `${e.engine} engine`].filter((x) => x !== null).join(' · ')}
      </p>
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
        {speed.decisionP50Ms === null ? null : (
          <div className="stat">
            <span className="value">{ms(speed.decisionP50Ms)}</span> per decision (median; p99 {ms(speed.decisionP99Ms)}
            {speed.decisionsPerSecond === null ? '' : `, ${speed.decisionsPerSecond}/s`})
          </div>
        )}
      </div>
      {e.roc.length === 0 ? <p className="hint">This run recorded no ROC points.</p> : <RocChart evaluation={e} />}
      <p className="hint">
        {e.generatedAt === null ? null : (
          <>
            Measured {e.generatedAt.slice(0, 10)} with <code>authloop eval face</code>
            {e.models.length === 0 ? null : ` (models ${e.models.join(', ')})`}.{' '}
          </>
        )}
        {speed.generatedAt === null ? null : (
          <>
            Speed from <code>npm run bench:face</code>, {speed.generatedAt.slice(0, 10)}.
          </>
        )}
      </p>
    </section>
  );
}
