import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { RgbImage } from '../../packages/engine/src/image/RgbImage.ts';

const run = promisify(execFile);
const FFMPEG = process.env['FFMPEG'] ?? '/usr/bin/ffmpeg';
const FFPROBE = process.env['FFPROBE'] ?? '/usr/bin/ffprobe';

/** One decoded frame and its presentation time in milliseconds from the clip's start. */
export interface ClipFrame {
  readonly tMs: number;
  readonly image: RgbImage;
}

const probeSchema = z.object({
  streams: z.array(z.object({ width: z.number().int(), height: z.number().int() })).min(1),
  frames: z.array(z.object({ best_effort_timestamp_time: z.string().optional(), pts_time: z.string().optional() })),
});

/**
 * Decodes a video (or animated GIF) frame by frame at its own rate with Debian's ffmpeg: every
 * decoded frame, no resampling (`-fps_mode passthrough`), with its presentation time from ffprobe.
 * Frames are scaled down so the longer side is at most `maxSide` (keeps aspect; never upscales).
 */
export async function decodeClip(file: string, { maxSide = 640 }: { maxSide?: number } = {}): Promise<ClipFrame[]> {
  const probe = await run(FFPROBE, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height:frame=best_effort_timestamp_time,pts_time', '-of', 'json', file], { maxBuffer: 64 << 20 });
  const info = probeSchema.parse(JSON.parse(probe.stdout));
  const stream = info.streams[0];
  if (stream === undefined) throw new Error(`${file}: no video stream`);
  const scale = Math.min(1, maxSide / Math.max(stream.width, stream.height));
  const width = Math.max(2, Math.round((stream.width * scale) / 2) * 2);
  const height = Math.max(2, Math.round((stream.height * scale) / 2) * 2);
  const times = info.frames.map((f) => Number(f.best_effort_timestamp_time ?? f.pts_time ?? Number.NaN));
  const t0 = times.find((t) => Number.isFinite(t)) ?? 0;

  const frameBytes = width * height * 3;
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    const p = spawn(FFMPEG, ['-v', 'error', '-i', file, '-fps_mode', 'passthrough', '-vf', `scale=${width}:${height}`, '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    p.stdout.on('data', (c: Buffer) => chunks.push(c));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${String(code)} on ${file}`))));
  });
  const all = Buffer.concat(chunks);
  const count = Math.floor(all.byteLength / frameBytes);
  const frames: ClipFrame[] = [];
  let last = -1;
  for (let i = 0; i < count; i++) {
    const raw = times[i];
    const fallback = last + 1000 / 30;
    let tMs = raw !== undefined && Number.isFinite(raw) ? (raw - t0) * 1000 : fallback;
    if (tMs <= last) tMs = last + 1;
    last = tMs;
    frames.push({ tMs, image: { width, height, data: new Uint8Array(all.buffer, all.byteOffset + i * frameBytes, frameBytes) } });
  }
  return frames;
}
