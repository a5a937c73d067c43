import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared evaluation data (never copied into the repository). */
export const sharedData = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

/** A temporary directory for generated camera files, removed by `cleanup`. */
export function tempCameraDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'authloop-web-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Makes a 640×480 y4m (yuv420p) for Chromium's fake camera with `/usr/bin/ffmpeg`: from a still
 * image (looped for `seconds`), or from a video clip (its own motion, resampled to `fps`).
 */
export function makeY4m({ input, out, still = false, seconds = 4, fps = 15, start = 0, crop }: {
  input: string;
  out: string;
  still?: boolean;
  seconds?: number;
  fps?: number;
  /** Seconds into a clip to start from. */
  start?: number;
  /** An ffmpeg crop (`w:h:x:y`) applied first, e.g. to centre a portrait selfie's face. */
  crop?: string;
}): string {
  const vf = `${crop === undefined ? '' : `crop=${crop},`}scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,fps=${fps},format=yuv420p`;
  const args = ['-hide_banner', '-loglevel', 'error', '-y', ...(still ? ['-loop', '1'] : []), ...(start > 0 ? ['-ss', String(start)] : []), '-i', input, '-t', String(seconds), '-vf', vf, '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', out];
  execFileSync(process.env['AUTHLOOP_FFMPEG'] ?? '/usr/bin/ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  return out;
}
