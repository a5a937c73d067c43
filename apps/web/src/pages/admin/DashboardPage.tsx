import { parsePrometheus } from '@authloop/sdk';
import { useAppState } from '../../app/AppState.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { BarChart } from '../../components/BarChart.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { NeedsAdmin } from '../../components/NeedsAdmin.tsx';
import { RequiresEndpoints } from '../../components/RequiresEndpoints.tsx';
import { summariseMetrics } from '../../lib/summariseMetrics.ts';
import { ActivityCard } from './parts/ActivityCard.tsx';
import { FaceEvaluationCard } from './parts/FaceEvaluationCard.tsx';

const fmt = (ms: number) => (Number.isNaN(ms) ? '–' : ms < 10 ? ms.toFixed(1) : Math.round(ms).toString());

/**
 * Dashboards: the tenant's authentication activity (attempts, success rates, liveness rejections;
 * needs an operator or API client with `audit:read`), the server's own `/metrics` (traffic,
 * latency percentiles) and the latest face evaluation run (accuracy, ROC curve).
 */
export default function DashboardPage() {
  const { publicApi } = useAppState();
  const metrics = useLoad('metrics', async () => summariseMetrics(parsePrometheus(await publicApi.ops.metrics())));
  const routes = metrics.data ?? [];
  const top = routes.slice(0, 12);
  const total = routes.reduce((a, r) => a + r.requests, 0);
  const failures = routes.reduce((a, r) => a + r.clientErrors + r.serverErrors, 0);
  const passkeyRoutes = routes.filter((r) => r.route.includes('/passkeys/authentication/verify'));
  const signIns = passkeyRoutes.reduce((a, r) => a + r.requests, 0);
  const signInFailures = passkeyRoutes.reduce((a, r) => a + r.clientErrors + r.serverErrors, 0);
  return (
    <>
      <RequiresEndpoints feature="Authentication activity charts" issue="issue 8" endpoints={['GET /v1/ops/activity']}>
        <NeedsAdmin>
          <ActivityCard />
        </NeedsAdmin>
      </RequiresEndpoints>
      <h2>This server process</h2>
      <div className="row">
        <button type="button" className="secondary" onClick={metrics.reload}>
          Refresh
        </button>
        <span className="hint">Figures of this server process since it started (from /metrics).</span>
      </div>
      <ErrorText error={metrics.error} />
      <div className="stat-grid" data-testid="stats">
        <div className="stat">
          <span className="value">{total}</span> API requests
        </div>
        <div className="stat">
          <span className="value">{total === 0 ? '–' : `${Math.round(((total - failures) / total) * 1000) / 10}%`}</span> succeeded
        </div>
        <div className="stat">
          <span className="value">{signIns}</span> passkey sign-ins ({signInFailures} refused)
        </div>
      </div>
      <BarChart title="Requests by route (success, client error, server error)" series={['2xx/3xx', '4xx', '5xx']} data={top.map((r) => ({ label: `${r.method} ${r.route}`, values: [r.requests - r.clientErrors - r.serverErrors, r.clientErrors, r.serverErrors] }))} />
      <h2>Latency percentiles</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Latency by route (scrollable)">
        <table data-testid="latency">
          <thead>
            <tr>
              <th scope="col">Route</th>
              <th scope="col">Requests</th>
              <th scope="col">p50 ms</th>
              <th scope="col">p95 ms</th>
              <th scope="col">p99 ms</th>
            </tr>
          </thead>
          <tbody>
            {top.map((r) => (
              <tr key={`${r.method} ${r.route}`}>
                <th scope="row">
                  {r.method} {r.route}
                </th>
                <td>{r.requests}</td>
                <td>{fmt(r.p50Ms)}</td>
                <td>{fmt(r.p95Ms)}</td>
                <td>{fmt(r.p99Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FaceEvaluationCard />
    </>
  );
}
