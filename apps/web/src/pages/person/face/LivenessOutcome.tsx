import type { LivenessResult } from '@authloop/sdk';
import { describeLivenessReason } from '../../../lib/livenessText.ts';

/** The end of a liveness check: confirmed, or the reasons it was not, in words and codes. */
export function LivenessOutcome({ result }: { result: LivenessResult | null }) {
  if (result === null) return null;
  if (result.passed)
    return (
      <p className="ok" data-testid="liveness-result" data-passed="true">
        Liveness confirmed: you are there in person ({result.challenges.length} of {result.challenges.length} movements done).
      </p>
    );
  return (
    <div className="error-box" role="alert" data-testid="liveness-result" data-passed="false">
      <p className="error">We could not confirm that you are there in person.</p>
      <ul data-testid="liveness-reasons">
        {result.reasons.map((r) => (
          <li key={r} data-reason={r}>
            {describeLivenessReason(r)} <span className="code">({r})</span>
          </li>
        ))}
      </ul>
      <p>Face the camera in good light, follow each prompt, and try again.</p>
    </div>
  );
}
