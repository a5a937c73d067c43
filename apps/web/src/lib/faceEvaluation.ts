/** The face evaluation figures the dashboard shows (from `bench/results/face.json`, `npm run bench:face`). */
export interface FaceEvaluation {
  readonly generatedAt: string | null;
  readonly protocol: string | null;
  readonly accuracy: number | null;
  readonly accuracyStd: number | null;
  readonly eer: number | null;
  readonly tarAtFar1e3: number | null;
  /** ROC points (false accept rate, true accept rate), when the run recorded them. */
  readonly roc: readonly { readonly far: number; readonly tar: number }[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Reads the benchmark's JSON defensively: missing or malformed figures become null (ROC: empty). */
export function parseFaceEvaluation(doc: unknown): FaceEvaluation {
  const o = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : {};
  const rawRoc = o['roc'];
  const roc: { far: number; tar: number }[] = [];
  if (Array.isArray(rawRoc)) {
    for (const p of rawRoc as unknown[]) {
      const far = Array.isArray(p) ? num(p[0]) : typeof p === 'object' && p !== null ? num((p as Record<string, unknown>)['far']) : null;
      const tar = Array.isArray(p) ? num(p[1]) : typeof p === 'object' && p !== null ? num((p as Record<string, unknown>)['tar']) : null;
      if (far !== null && tar !== null) roc.push({ far, tar });
    }
  }
  return { generatedAt: str(o['generatedAt']), protocol: str(o['protocol']), accuracy: num(o['accuracy']), accuracyStd: num(o['accuracyStd']), eer: num(o['eer']), tarAtFar1e3: num(o['tarAtFar1e3']), roc };
}

/** `0.9952` → `99.52%`; null → `–`. */
export function percent(v: number | null): string {
  return v === null ? '–' : `${Math.round(v * 10000) / 100}%`;
}
