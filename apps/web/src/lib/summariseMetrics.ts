import type { PromSample } from '@authloop/sdk';
import { histogramQuantile } from './histogramQuantile.ts';
import type { Bucket } from './histogramQuantile.ts';

/** Traffic and latency of one API route, from the server's own metrics. */
export interface RouteSummary {
  readonly route: string;
  readonly method: string;
  readonly requests: number;
  /** Answers with status 4xx. */
  readonly clientErrors: number;
  /** Answers with status 5xx. */
  readonly serverErrors: number;
  /** Latency percentiles in milliseconds (NaN without traffic). */
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
}

/**
 * Summarises `authloop_http_requests_total` and `authloop_http_request_duration_seconds` per route
 * and method (all status codes merged for latency), busiest first. Routes matching `exclude` (the
 * web app's own files, metrics scrapes) are left out.
 */
export function summariseMetrics(samples: readonly PromSample[], exclude: RegExp = /^(unmatched|\/\*|\/|\/metrics)$/): RouteSummary[] {
  const byKey = new Map<string, { route: string; method: string; requests: number; c4: number; c5: number; buckets: Map<number, number> }>();
  const entry = (route: string, method: string) => {
    const key = `${method} ${route}`;
    let e = byKey.get(key);
    if (e === undefined) {
      e = { route, method, requests: 0, c4: 0, c5: 0, buckets: new Map() };
      byKey.set(key, e);
    }
    return e;
  };
  for (const s of samples) {
    const route = s.labels['route'];
    const method = s.labels['method'];
    if (route === undefined || method === undefined || exclude.test(route)) continue;
    if (s.name === 'authloop_http_requests_total') {
      const e = entry(route, method);
      e.requests += s.value;
      const status = Number(s.labels['status_code']);
      if (status >= 500) e.c5 += s.value;
      else if (status >= 400) e.c4 += s.value;
    } else if (s.name === 'authloop_http_request_duration_seconds_bucket') {
      const le = s.labels['le'] === '+Inf' ? Infinity : Number(s.labels['le']);
      if (Number.isNaN(le)) continue;
      const e = entry(route, method);
      e.buckets.set(le, (e.buckets.get(le) ?? 0) + s.value);
    }
  }
  return [...byKey.values()]
    .map((e) => {
      const buckets: Bucket[] = [...e.buckets].map(([le, count]) => ({ le, count }));
      return {
        route: e.route,
        method: e.method,
        requests: e.requests,
        clientErrors: e.c4,
        serverErrors: e.c5,
        p50Ms: histogramQuantile(0.5, buckets) * 1000,
        p95Ms: histogramQuantile(0.95, buckets) * 1000,
        p99Ms: histogramQuantile(0.99, buckets) * 1000,
      };
    })
    .filter((r) => r.requests > 0)
    .sort((a, b) => b.requests - a.requests);
}
