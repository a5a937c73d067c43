/**
 * The latest face evaluation run the dashboard shows (`bench/results/eval-face.json`, written by
 * `authloop eval face`). Rates are 0..1; null when the file lacks the figure.
 */
export interface FaceEvaluation {
  readonly generatedAt: string | null;
  readonly protocol: string | null;
  readonly engine: string | null;
  /** `id@version` of each model the engine ran. */
  readonly models: readonly string[];
  readonly pairs: number | null;
  readonly accuracy: number | null;
  readonly accuracyStd: number | null;
  readonly eer: number | null;
  readonly tarAtFar1e3: number | null;
  /** ROC points (false accept rate, true accept rate), sorted by FAR; empty when the run recorded none. */
  readonly roc: readonly { readonly far: number; readonly tar: number }[];
}

/** Speed figures of the face benchmark (`bench/results/face.json`, `npm run bench:face`). */
export interface FaceSpeed {
  readonly generatedAt: string | null;
  readonly decisionP50Ms: number | null;
  readonly decisionP99Ms: number | null;
  readonly decisionsPerSecond: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const rate = (v: unknown): number | null => {
  const n = num(v);
  return n !== null && n >= 0 && n <= 1 ? n : null;
};
const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function parseRoc(raw: unknown): { far: number; tar: number }[] {
  if (!Array.isArray(raw)) return [];
  const roc: { far: number; tar: number }[] = [];
  for (const p of raw as unknown[]) {
    const far = rate(Array.isArray(p) ? p[0] : record(p)['far']);
    const tar = rate(Array.isArray(p) ? p[1] : record(p)['tar']);
    if (far !== null && tar !== null) roc.push({ far, tar });
  }
  return roc.sort((a, b) => a.far - b.far || a.tar - b.tar);
}

/** Reads the evaluation JSON defensively: missing or malformed figures become null (ROC: empty, models: none). */
export function parseFaceEvaluation(doc: unknown): FaceEvaluation {
  const o = record(doc);
  const models = Array.isArray(o['models'])
    ? (o['models'] as unknown[]).flatMap((m) => {
        const id = str(record(m)['id']), version = str(record(m)['version']);
        return id === null ? [] : [version === null ? id : `${id}@${version}`];
      })
    : [];
  return {
    generatedAt: str(o['generatedAt']),
    protocol: str(o['protocol']),
    engine: str(o['engine']),
    models,
    pairs: num(o['pairs']),
    accuracy: rate(o['accuracy']),
    accuracyStd: rate(o['accuracyStd']),
    eer: rate(o['eer']),
    tarAtFar1e3: rate(o['tarAtFar1e3']),
    roc: parseRoc(o['roc']),
  };
}

/** Reads the face benchmark's speed figures defensively (null when missing). */
export function parseFaceSpeed(doc: unknown): FaceSpeed {
  const o = record(doc);
  return { generatedAt: str(o['generatedAt']), decisionP50Ms: num(o['decisionP50Ms']), decisionP99Ms: num(o['decisionP99Ms']), decisionsPerSecond: num(o['decisionsPerSecond']) };
}

/** `0.9952` → `99.52%`; null → `–`. */
export function percent(v: number | null): string {
  return v === null ? '–' : `${Math.round(v * 10000) / 100}%`;
}
