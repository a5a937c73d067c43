import type { FaceQualityCheck } from '@authloop/sdk';
import type { QualityHint } from './frameQuality.ts';

/** A hint from the server's measurement of a frame (the same gates as enrolment). */
export interface FaceHint {
  readonly id: 'no-face' | 'one-person' | 'move-closer' | 'too-dark' | 'too-bright' | 'blurry' | 'look-straight' | 'open-eyes';
  readonly text: string;
}

const byReason: Readonly<Record<string, FaceHint>> = {
  NO_FACE: { id: 'no-face', text: 'We cannot see a face: look at the camera.' },
  MULTIPLE_FACES: { id: 'one-person', text: 'Only one person in the picture, please.' },
  FACE_TOO_SMALL: { id: 'move-closer', text: 'Move closer: your face is too small.' },
  TOO_DARK: { id: 'too-dark', text: 'Too dark: turn towards a light.' },
  TOO_BRIGHT: { id: 'too-bright', text: 'Too bright: move away from direct light.' },
  BLURRED: { id: 'blurry', text: 'The picture is blurry: clean the camera or hold still.' },
  HEAD_TURNED: { id: 'look-straight', text: 'Look straight at the camera.' },
  EYES_CLOSED: { id: 'open-eyes', text: 'Open your eyes.' },
  LOW_CONFIDENCE: { id: 'no-face', text: 'We cannot see your face clearly: face the camera in good light.' },
};

/**
 * The hints to show: the server's (face found, size, pose — what decides whether a picture is
 * accepted) first, then the in-browser light and motion hints the server did not already give.
 */
export function combineHints(local: readonly QualityHint[], check: FaceQualityCheck | null): (QualityHint | FaceHint)[] {
  const server: FaceHint[] = [];
  if (check !== null) {
    const reasons = check.face === null && !check.quality.reasons.includes('NO_FACE') ? ['NO_FACE', ...check.quality.reasons] : check.quality.reasons;
    for (const r of reasons) {
      const h = byReason[r];
      if (h !== undefined && !server.some((x) => x.id === h.id)) server.push(h);
    }
  }
  return [...server, ...local.filter((l) => !server.some((s) => s.id === l.id))];
}

/** A box in percent of the preview element (CSS `left/top/width/height`). */
export interface ScreenBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where a face box (fractions of the camera frame) appears in a preview of `viewW`×`viewH` that
 * shows the `videoW`×`videoH` frame with `object-fit: cover`, mirrored when `mirrored` (selfie view).
 */
export function boxOnScreen(box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number }, video: { width: number; height: number }, view: { width: number; height: number }, mirrored: boolean): ScreenBox {
  const scale = Math.max(view.width / video.width, view.height / video.height);
  const shownW = video.width * scale;
  const shownH = video.height * scale;
  const offX = (shownW - view.width) / 2;
  const offY = (shownH - view.height) / 2;
  const x = mirrored ? 1 - box.x - box.width : box.x;
  const pct = (v: number, of: number) => Math.round((v / of) * 10_000) / 100;
  return {
    left: pct(x * shownW - offX, view.width),
    top: pct(box.y * shownH - offY, view.height),
    width: pct(box.width * shownW, view.width),
    height: pct(box.height * shownH, view.height),
  };
}
