/** The actions an active liveness session can ask for. Directions are in image coordinates of the frames as sent (see `docs`). */
export const CHALLENGE_TYPES = ['blink', 'smile', 'turn_left', 'turn_right', 'nod', 'look_up'] as const;

/** One action a session asks for. */
export type ChallengeType = (typeof CHALLENGE_TYPES)[number];

/** True for a known challenge type. */
export const isChallengeType = (s: string): s is ChallengeType => (CHALLENGE_TYPES as readonly string[]).includes(s);
