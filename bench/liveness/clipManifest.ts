import type { ChallengeType } from '../../packages/engine/src/liveness/index.ts';

/** One evaluation clip: whether it is live, and the challenges it performs, in order (image directions). */
export interface ClipSpec {
  readonly file: string;
  readonly live: boolean;
  /** Challenges the clip performs, in the order it performs them; for attacks, what the replayed person does. */
  readonly challenges: readonly ChallengeType[];
  /** Not a liveness clip (crowd, several people): reported, not judged. */
  readonly skip?: string;
  readonly note?: string;
}

/**
 * The shared clips (`../shared/data/video`, see its README for times). Directions are in image
 * coordinates: "turn_left" means the face turns towards the image's left edge.
 */
export const CLIPS: readonly ClipSpec[] = [
  { file: 'real/blink_male_selfie_repeating.mp4', live: true, challenges: ['blink'] },
  { file: 'real/smile_headturn_male_webcam_zubair.webm', live: true, challenges: ['smile', 'turn_left', 'turn_right'] },
  { file: 'real/frontal_male_webcam_lestari.mp4', live: true, challenges: [], note: 'passive live face: no challenge performed; judged on the passive checks only' },
  { file: 'real/headturn_smile_male_webcam_krzysiek.webm', live: true, challenges: ['smile', 'turn_right', 'turn_left', 'look_up'] },
  { file: 'real/liveportrait_d0_smile_gaze.mp4', live: true, challenges: ['smile', 'blink'] },
  { file: 'real/liveportrait_d9_blink_smile.mp4', live: true, challenges: ['blink', 'smile'] },
  { file: 'real/liveportrait_d13_talking_smile.mp4', live: true, challenges: ['blink', 'smile'] },
  { file: 'real/dinoman_blink_lowres.mp4', live: true, challenges: ['blink'], note: '96×128 edge case' },
  { file: 'real/intel_headpose_female.gif', live: true, challenges: ['turn_right'], note: 'yaw sweep from image-left profile to image-right; ≈40 px face' },
  { file: 'real/intel_headpose_male.gif', live: true, challenges: [], note: 'smiles throughout (no neutral→smile change); passive checks only' },
  { file: 'real/intel_headpose_female_and_male.gif', live: true, challenges: [], skip: 'two people in frame: multi-face clip, not a liveness session' },
  { file: 'real/crowd_walking_facenet_pytorch.mp4', live: true, challenges: [], skip: 'crowd: multi-face detection clip, not a liveness session' },
  { file: 'attack/replay_phone_zubair.webm', live: false, challenges: ['turn_left'] },
  { file: 'attack/replay_phone_lestari.mp4', live: false, challenges: ['blink'] },
  { file: 'attack/replay_phone_wingscape.webm', live: false, challenges: ['turn_left', 'smile'] },
];
