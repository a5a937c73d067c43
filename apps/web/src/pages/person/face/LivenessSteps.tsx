import type { LivenessProgress } from '../../../lib/livenessProgress.ts';
import { challengePrompt, describeChallengeFailure } from '../../../lib/livenessText.ts';

/** The challenges step by step: the current one as a large animated prompt with its progress. */
export function LivenessSteps({ state }: { state: LivenessProgress }) {
  const { challenges, current, progress, face, passed, failed, result } = state;
  const active = result === null && failed === null ? challenges[current] : undefined;
  return (
    <div data-testid="liveness-steps">
      {active === undefined ? null : (
        <div className="prompt" aria-live="assertive" data-testid="liveness-prompt" data-challenge={active}>
          <span className={`prompt-icon ${active}`} aria-hidden="true" />
          <p className="prompt-text">{challengePrompt[active]}</p>
          <label className="block" htmlFor="liveness-progress">
            Step {current + 1} of {challenges.length}
          </label>
          <progress id="liveness-progress" max={1} value={progress} />
          {face === false ? <p className="error">We cannot see your face. Move into the oval.</p> : null}
        </div>
      )}
      <ol className="steps" aria-label="Liveness challenges">
        {challenges.map((c, i) => {
          const done = passed.includes(i);
          const bad = failed?.index === i;
          return (
            <li key={`${c}-${i}`} aria-current={i === current && active !== undefined ? 'step' : undefined} data-state={done ? 'passed' : bad ? 'failed' : 'waiting'}>
              {challengePrompt[c]} — {done ? 'done' : bad ? `failed: ${describeChallengeFailure(failed.reason, failed.detail)}` : i === current && active !== undefined ? 'now' : 'waiting'}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
