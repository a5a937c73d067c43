import type { Decision } from '../policy/decide.ts';
import type { Factor } from './Factor.ts';

/** The factors an approval needs for a policy decision, or the policy factors approval cannot collect. */
export type RequiredFactors = { readonly ok: true; readonly factors: readonly Factor[] } | { readonly ok: false; readonly unsupported: readonly string[] };

/**
 * Maps the policy's `approvePayment` decision to transaction factors: `passkey` always comes first
 * (the signed challenge is the dynamic linking, so no approval goes without it), then `face` and
 * `liveness` as the decision lists them. `voice` and `fingerprint` cannot be collected during a
 * payment approval yet: they are answered as unsupported rather than silently dropped.
 */
export function requiredFactors(decision: Pick<Decision, 'factors'>): RequiredFactors {
  const unsupported = decision.factors.filter((f) => f !== 'passkey' && f !== 'face' && f !== 'liveness');
  if (unsupported.length > 0) return { ok: false, unsupported };
  const out: Factor[] = ['passkey'];
  if (decision.factors.includes('face')) out.push('face');
  if (decision.factors.includes('liveness')) out.push('liveness');
  return { ok: true, factors: out };
}
