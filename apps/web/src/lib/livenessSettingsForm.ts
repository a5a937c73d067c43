import type { LivenessChallenge, LivenessSettingsInput } from '@authloop/sdk';

/** Every challenge type, in the order the settings form lists them. */
export const ALL_CHALLENGES: readonly LivenessChallenge[] = ['blink', 'smile', 'turn_left', 'turn_right', 'nod', 'look_up'];

/** The liveness settings form's fields as typed (counts are the inputs' text). */
export interface LivenessSettingsDraft {
  readonly challengeTypes: readonly LivenessChallenge[];
  readonly minCount: string;
  readonly maxCount: string;
}

/** A problem with one field of the form, shown next to it. */
export interface FieldProblem {
  readonly field: 'challengeTypes' | 'minCount' | 'maxCount';
  readonly message: string;
}

const count = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

/**
 * Checks the form before sending, with the rules the server's schema enforces (1–4 challenges per
 * session, at least one type, min ≤ max) plus one it cannot see from a single field: a session never
 * repeats a challenge, so it cannot draw more challenges than there are types. Returns the body to
 * send, or the problems by field.
 */
export function checkLivenessSettings(draft: LivenessSettingsDraft): { ok: true; value: LivenessSettingsInput } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const types = ALL_CHALLENGES.filter((c) => draft.challengeTypes.includes(c));
  if (types.length === 0) problems.push({ field: 'challengeTypes', message: 'Choose at least one movement.' });
  const min = count(draft.minCount);
  const max = count(draft.maxCount);
  if (min === null || min < 1 || min > 4) problems.push({ field: 'minCount', message: 'A whole number from 1 to 4.' });
  if (max === null || max < 1 || max > 4) problems.push({ field: 'maxCount', message: 'A whole number from 1 to 4.' });
  if (min !== null && max !== null && min > max) problems.push({ field: 'minCount', message: 'Must not be more than the most per session.' });
  if (max !== null && max >= 1 && max <= 4 && types.length > 0 && max > types.length) problems.push({ field: 'maxCount', message: `Only ${types.length} movement type${types.length === 1 ? ' is' : 's are'} chosen, and a session never repeats one.` });
  if (problems.length > 0 || min === null || max === null) return { ok: false, problems };
  return { ok: true, value: { challengeTypes: [...types], minCount: min, maxCount: max } };
}
