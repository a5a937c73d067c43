import { useState } from 'react';
import { useAppState } from '../../../app/AppState.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { BarChart } from '../../../components/BarChart.tsx';
import { ErrorText } from '../../../components/ErrorText.tsx';
import { StackedColumnChart } from '../../../components/StackedColumnChart.tsx';
import { outcomeSeries, summariseActivity } from '../../../lib/activitySummary.ts';
import { percent } from '../../../lib/faceEvaluation.ts';

const periods = [7, 14, 30, 90] as const;

/**
 * The tenant's authentication activity (`GET /v1/ops/activity`, read with `audit:read`): attempts
 * per day stacked by outcome, success rate per factor, liveness rejections by reason.
 */
export function ActivityCard() {
  const { adminApi } = useAppState();
  const [days, setDays] = useState<number>(14);
  const activity = useLoad(adminApi === null ? null : `activity:${days}`, async () => (adminApi === null ? null : summariseActivity(await adminApi.ops.activity({ days }))));
  const s = activity.data ?? null;
  const busiest = s === null ? null : s.daily.reduce<{ label: string; n: number } | null>((b, d) => {
    const n = d.values[0] + d.values[1] + d.values[2];
    return b === null || n > b.n ? { label: d.date, n } : b;
  }, null);
  const rated = s === null ? [] : s.factors.filter((f) => f.successRate !== null);
  return (
    <section className="card" aria-labelledby="activity-h" aria-busy={activity.loading}>
      <h2 id="activity-h">Authentication activity</h2>
      <div className="row">
        <label htmlFor="activity-days">Period</label>
        <select id="activity-days" value={days} onChange={(e) => setDays(Number(e.target.value))} className="inline">
          {periods.map((p) => (
            <option key={p} value={p}>
              Last {p} days
            </option>
          ))}
        </select>
        <button type="button" className="secondary" onClick={activity.reload}>
          Refresh activity
        </button>
      </div>
      <p className="hint">Attempts recorded in the audit log, per UTC day, today included.</p>
      <ErrorText error={activity.error} />
      {s === null ? null : (
        <>
          <div className="stat-grid" data-testid="activity-stats">
            <div className="stat">
              <span className="value">{s.attempts}</span> authentication attempts
            </div>
            <div className="stat">
              <span className="value">{percent(s.successRate)}</span> succeeded
            </div>
            <div className="stat">
              <span className="value">{s.liveness.failed}</span> liveness checks failed (of {s.liveness.passed + s.liveness.failed})
            </div>
          </div>
          <StackedColumnChart
            testId="activity-daily"
            title="Attempts per day"
            itemHeader="Day (UTC)"
            summary={`${s.attempts} attempts in ${s.daily.length} days, ${s.succeeded} succeeded${busiest === null || busiest.n === 0 ? '' : `; busiest day ${busiest.label} with ${busiest.n}`}.`}
            series={outcomeSeries}
            data={s.daily.map((d) => ({ label: d.label, description: d.date, values: d.values }))}
          />
          <h3>Success rate by factor</h3>
          {rated.length === 0 ? (
            <p className="hint">No authentication attempts in this period.</p>
          ) : (
            <BarChart title="Share of attempts that succeeded" series={['Succeeded']} unit="%" data={rated.map((f) => ({ label: f.label, values: [Math.round((f.successRate ?? 0) * 1000) / 10] }))} />
          )}
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Attempts by factor (scrollable)">
            <table data-testid="activity-factors">
              <caption className="sr-only">Attempts by factor and outcome</caption>
              <thead>
                <tr>
                  <th scope="col">Factor</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Succeeded</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Refused</th>
                  <th scope="col">Success rate</th>
                </tr>
              </thead>
              <tbody>
                {s.factors.map((f) => (
                  <tr key={f.action}>
                    <th scope="row">{f.label}</th>
                    <td>{f.attempts}</td>
                    <td>{f.succeeded}</td>
                    <td>{f.failed}</td>
                    <td>{f.refused}</td>
                    <td>{percent(f.successRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">Failed: checked and not matched. Refused: turned away before a match (locked, spent token, bad signature or input).</p>
          <h3>Liveness rejections by reason</h3>
          {s.liveness.reasons.length === 0 ? (
            <p className="hint" data-testid="liveness-reasons">No liveness check failed in this period.</p>
          ) : (
            <div data-testid="liveness-reasons">
              <BarChart title={`Reasons of the ${s.liveness.failed} failed liveness checks (a check can fail for several)`} series={['Failed checks']} data={s.liveness.reasons.map((r) => ({ label: r.label, values: [r.count] }))} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
