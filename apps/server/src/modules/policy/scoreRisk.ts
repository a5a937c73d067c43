/** Signals about one attempt, computed from stored attempts (see `riskService.assess`). */
export interface RiskSignals {
  /** Failed attempts by this subject within the lockout window. */
  readonly subjectFailures: number;
  /** Attempts by this subject in the last minute. */
  readonly subjectVelocity: number;
  /** Failed attempts from this IP (any subject of the tenant) within the lockout window. */
  readonly ipFailures: number;
  /** Attempts from this IP in the last minute. */
  readonly ipVelocity: number;
  /** The device/credential id has never succeeded for this subject. */
  readonly newDevice: boolean;
  /** The IP network differs from the one of the last success. */
  readonly newNetwork: boolean;
  /** Days since the last success (null: never succeeded). */
  readonly daysSinceLastSuccess: number | null;
}

/** A risk score 0..100 with its level and the signals and reasons behind it. */
export interface RiskAssessment {
  readonly score: number;
  readonly level: 'low' | 'medium' | 'high';
  readonly signals: Readonly<Record<string, number | boolean | null>>;
  readonly reasons: readonly string[];
}

/**
 * Turns signals into a score (0..100, higher = riskier) with a transparent additive model, so a
 * decision can say exactly which signals contributed: subject failures 10 each (max 40), IP failures
 * 4 each (max 20), subject velocity > 5/min 15, IP velocity > 20/min 15, new device 15, new network
 * 10, never succeeded 10 or last success over 90 days ago 10.
 */
export function scoreRisk(s: RiskSignals): RiskAssessment {
  const parts: [string, number][] = [
    ['subject failures', Math.min(40, 10 * s.subjectFailures)],
    ['IP failures', Math.min(20, 4 * s.ipFailures)],
    ['subject velocity', s.subjectVelocity > 5 ? 15 : 0],
    ['IP velocity', s.ipVelocity > 20 ? 15 : 0],
    ['new device', s.newDevice ? 15 : 0],
    ['new network', s.newNetwork ? 10 : 0],
    ['no recent success', s.daysSinceLastSuccess === null || s.daysSinceLastSuccess > 90 ? 10 : 0],
  ];
  const score = Math.min(100, parts.reduce((a, [, v]) => a + v, 0));
  return {
    score,
    level: score >= 70 ? 'high' : score >= 35 ? 'medium' : 'low',
    signals: { ...s },
    reasons: parts.filter(([, v]) => v > 0).map(([k, v]) => `${k} +${v}`),
  };
}
