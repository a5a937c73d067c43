import type { LivenessChallenge } from '@authloop/sdk';

/** What to ask the person to do for each challenge (short, imperative, for a large prompt). */
export const challengePrompt: Readonly<Record<LivenessChallenge, string>> = {
  blink: 'Blink your eyes',
  smile: 'Smile',
  turn_left: 'Turn your head to the left',
  turn_right: 'Turn your head to the right',
  nod: 'Nod your head',
  look_up: 'Look up',
};

const challengeFailure: Readonly<Record<string, string>> = {
  TIMEOUT: 'Time ran out before the movement was seen.',
  TOO_FAST: 'That was too quick to be a real movement. Do it naturally.',
  WRONG_ORDER: 'A different movement came first. Follow the prompts in order.',
  FACE_LOST: 'Your face left the picture. Keep it inside the oval.',
};

const sessionReason: Readonly<Record<string, string>> = {
  NO_FACE: 'No face was seen. Face the camera in good light.',
  CHALLENGE_TIMEOUT: 'A movement was not completed in time.',
  CHALLENGE_TOO_FAST: 'A movement was too quick to be natural.',
  CHALLENGE_WRONG_ORDER: 'The movements came in the wrong order.',
  FACE_LOST: 'Your face left the picture during the check.',
  DIFFERENT_FACE: 'The face changed during the check.',
  MULTIPLE_FACES: 'More than one face was in the picture.',
  PAD_SPOOF: 'This looked like a photo or a screen, not a live face.',
  SCREEN_DETECTED: 'A screen was detected in front of the camera.',
  PLANAR_MOTION: 'The face moved like a flat picture, not a real head.',
  DEPTH_INCONSISTENT: 'The face did not look three-dimensional.',
  FRAME_REPLAYED: 'The same camera frames were sent twice.',
  SESSION_EXPIRED: 'The check took too long and expired.',
  INCOMPLETE: 'The check ended before it was finished.',
};

/** A sentence for a failed challenge (`challenge_failed.reason`), falling back to the server's detail. */
export function describeChallengeFailure(reason: string, detail = ''): string {
  return challengeFailure[reason] ?? (detail === '' ? reason : detail);
}

/** A sentence for a liveness session's reason code (`result.reasons[]`). */
export function describeLivenessReason(reason: string): string {
  return sessionReason[reason] ?? reason;
}

const reasonLabel: Readonly<Record<string, string>> = {
  NO_FACE: 'No face seen',
  CHALLENGE_TIMEOUT: 'Movement timed out',
  CHALLENGE_TOO_FAST: 'Movement too fast',
  CHALLENGE_WRONG_ORDER: 'Movements out of order',
  FACE_LOST: 'Face left the picture',
  DIFFERENT_FACE: 'Face changed',
  MULTIPLE_FACES: 'Several faces',
  PAD_SPOOF: 'Photo or screen (PAD)',
  SCREEN_DETECTED: 'Screen detected',
  PLANAR_MOTION: 'Moved like a flat picture',
  DEPTH_INCONSISTENT: 'Not three-dimensional',
  FRAME_REPLAYED: 'Replayed frames',
  SESSION_EXPIRED: 'Session expired',
  INCOMPLETE: 'Ended unfinished',
};

/** A short label for a liveness reason code, for operators' charts; unknown codes are shown as they are. */
export function livenessReasonLabel(reason: string): string {
  return reasonLabel[reason] ?? reason;
}

const sampleReason: Readonly<Record<string, string>> = {
  NO_FACE: 'no face found',
  NO_TEMPLATE: 'the face could not be measured',
  LOW_QUALITY: 'picture quality too low',
  SPOOF_SUSPECTED: 'looks like a photo or screen',
  DUPLICATE_IMAGE: 'the same picture twice',
};

/** Words for an enrolment sample's reason code; unknown engine quality codes are shown in lower case. */
export function describeSampleReason(reason: string): string {
  return sampleReason[reason] ?? reason.toLowerCase().replaceAll('_', ' ');
}
