import type { FaceEnrolment } from '@authloop/sdk';
import { describeSampleReason } from '../../../lib/livenessText.ts';

/** One sample's verdict as the server gave it. */
export type SampleResult = FaceEnrolment['images'][number];

/** Reads per-image results from an enrolment answer or from a `FACE_ENROLMENT_REJECTED` error's details. */
export function sampleResultsOf(value: unknown): SampleResult[] | null {
  if (typeof value !== 'object' || value === null || !('images' in value) || !Array.isArray(value.images)) return null;
  const out: SampleResult[] = [];
  for (const i of value.images as unknown[]) {
    if (typeof i !== 'object' || i === null) return null;
    const r = i as Record<string, unknown>;
    if (typeof r['index'] !== 'number' || typeof r['accepted'] !== 'boolean' || !Array.isArray(r['reasons'])) return null;
    out.push({ index: r['index'], accepted: r['accepted'], reasons: r['reasons'].filter((x): x is string => typeof x === 'string'), quality: typeof r['quality'] === 'number' ? r['quality'] : null });
  }
  return out;
}

/** The pictures with the server's verdict on each: accepted, or the reasons it was refused. */
export function EnrolResults({ samples, results }: { samples: readonly { url: string }[]; results: readonly SampleResult[] }) {
  return (
    <ul className="samples" data-testid="sample-results">
      {results.map((r) => (
        <li key={r.index} data-accepted={r.accepted}>
          <figure>
            {samples[r.index] === undefined ? null : <img src={samples[r.index]?.url} alt={`Picture ${r.index + 1}`} />}
            <figcaption>
              <span className={`badge ${r.accepted ? 'good' : 'bad'}`}>{r.accepted ? 'Accepted' : 'Refused'}</span>
              {r.quality === null ? null : <span> quality {Math.round(r.quality * 100)}%</span>}
              {r.reasons.length === 0 ? null : <span>: {r.reasons.map(describeSampleReason).join(', ')}</span>}
            </figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}
