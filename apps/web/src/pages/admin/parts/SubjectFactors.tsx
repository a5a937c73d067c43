import { isAuthloopError } from '@authloop/sdk';
import type { Subject } from '@authloop/sdk';
import { useState } from 'react';
import { useAppState } from '../../../app/AppState.tsx';
import { useLoad } from '../../../app/useLoad.ts';
import { ErrorText } from '../../../components/ErrorText.tsx';

/** A subject's face enrolment and lock state, and re-enabling locked factors. */
export function SubjectFactors({ subject }: { subject: Subject }) {
  const { adminApi } = useAppState();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const face = useLoad(adminApi === null ? null : `face:${subject.id}`, async () => {
    if (adminApi === null) return null;
    try {
      return await adminApi.face.status(subject.id);
    } catch (e) {
      // Not enrolled is a state to show, not an error.
      if (isAuthloopError(e) && e.status === 404) return null;
      throw e;
    }
  });
  const locks = useLoad(adminApi === null ? null : `locks:${subject.id}`, async () => (adminApi === null ? [] : adminApi.policy.locks(subject.id)));
  if (adminApi === null) return null;

  const act = async (what: 'face' | 'all') => {
    setError(null);
    setDone(null);
    try {
      if (what === 'face') {
        await adminApi.face.reenable(subject.id);
        setDone('Face re-enabled.');
      } else {
        const unlocked = await adminApi.policy.unlock(subject.id);
        setDone(unlocked.length === 0 ? 'Nothing was locked.' : `Unlocked: ${unlocked.join(', ')}.`);
      }
      face.reload();
      locks.reload();
    } catch (e) {
      setError(e);
    }
  };

  const state = face.data?.state;
  return (
    <section className="card" aria-labelledby={`factors-${subject.id}`} data-testid="subject-factors">
      <h3 id={`factors-${subject.id}`}>{subject.displayName ?? subject.externalId}: factors</h3>
      <ErrorText error={face.error ?? locks.error} />
      <p>
        Face:{' '}
        {face.loading ? (
          '…'
        ) : face.data === null || face.data === undefined ? (
          <span data-testid="face-state">not enrolled</span>
        ) : (
          <>
            <span className={`badge ${state === 'active' ? 'good' : 'bad'}`} data-testid="face-state">
              {state}
            </span>{' '}
            {face.data.sampleCount} samples, enrolled {new Date(face.data.enrolledAt).toLocaleString()}
            {face.data.retryAfterS === null ? '' : `, next attempt in ${face.data.retryAfterS} s`}
          </>
        )}
      </p>
      <p>Locked factors (risk lockout):</p>
      <ul data-testid="locks">
        {(locks.data ?? []).map((l) => (
          <li key={l.factor}>
            {l.factor} since {new Date(l.lockedAt).toLocaleString()} {l.lockedUntil === null ? '(until unlocked)' : `until ${new Date(l.lockedUntil).toLocaleString()}`}
          </li>
        ))}
        {locks.data?.length === 0 ? <li>None</li> : null}
      </ul>
      <div className="row">
        <button type="button" className="secondary" onClick={() => void act('face')} disabled={face.data === null || state === 'active'}>
          Re-enable face
        </button>
        <button type="button" className="secondary" onClick={() => void act('all')} disabled={(locks.data ?? []).length === 0}>
          Unlock all factors
        </button>
      </div>
      {done === null ? null : (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <ErrorText error={error} />
    </section>
  );
}
