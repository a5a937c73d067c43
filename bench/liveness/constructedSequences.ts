import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { RgbImage } from '../../packages/engine/src/image/RgbImage.ts';
import type { ChallengeType } from '../../packages/engine/src/liveness/index.ts';
import { decodeClip } from './decodeClip.ts';
import type { ClipFrame } from './decodeClip.ts';

/** An attack sequence built from real images (no real video of it exists). */
export interface ConstructedSequence {
  readonly name: string;
  readonly description: string;
  readonly challenges: readonly ChallengeType[];
  readonly frames: readonly ClipFrame[];
}

/** Warps an image by the homography of a plane turned `yawDeg` about the vertical axis through (cx, cy) (pinhole, focal = width). */
function warpTurnedPlane(img: RgbImage, yawDeg: number, pitchDeg: number, cx: number, cy: number): RgbImage {
  const f = img.width;
  const a = (yawDeg * Math.PI) / 180, b = (pitchDeg * Math.PI) / 180;
  // R = Rx(b)·Ry(a); H = K R K⁻¹; we need H⁻¹ = K Rᵀ K⁻¹ to map output pixels back.
  const ry = [Math.cos(a), 0, Math.sin(a), 0, 1, 0, -Math.sin(a), 0, Math.cos(a)];
  const rx = [1, 0, 0, 0, Math.cos(b), -Math.sin(b), 0, Math.sin(b), Math.cos(b)];
  const mul = (m: number[], n: number[]): number[] => Array.from({ length: 9 }, (_, k) => {
    const r = Math.floor(k / 3), c = k % 3;
    return (m[r * 3] ?? 0) * (n[c] ?? 0) + (m[r * 3 + 1] ?? 0) * (n[3 + c] ?? 0) + (m[r * 3 + 2] ?? 0) * (n[6 + c] ?? 0);
  });
  const r = mul(rx, ry);
  const rt = [r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]].map((x) => x ?? 0);
  const out = new Uint8Array(img.width * img.height * 3);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const u = (x - cx) / f, v = (y - cy) / f;
      const X = (rt[0] ?? 0) * u + (rt[1] ?? 0) * v + (rt[2] ?? 0);
      const Y = (rt[3] ?? 0) * u + (rt[4] ?? 0) * v + (rt[5] ?? 0);
      const Z = (rt[6] ?? 0) * u + (rt[7] ?? 0) * v + (rt[8] ?? 0);
      const sx = (X / Z) * f + cx, sy = (Y / Z) * f + cy;
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= img.width - 1 || y0 >= img.height - 1) continue;
      const fx = sx - x0, fy = sy - y0;
      for (let c = 0; c < 3; c++) {
        const p = (yy: number, xx: number): number => img.data[(yy * img.width + xx) * 3 + c] ?? 0;
        out[(y * img.width + x) * 3 + c] = Math.round(p(y0, x0) * (1 - fx) * (1 - fy) + p(y0, x0 + 1) * fx * (1 - fy) + p(y0 + 1, x0) * (1 - fx) * fy + p(y0 + 1, x0 + 1) * fx * fy);
      }
    }
  }
  return { width: img.width, height: img.height, data: out };
}

async function readRgb(file: string, maxSide = 640): Promise<RgbImage> {
  const { data, info } = await sharp(file).resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** The constructed attack sequences, from the shared data. */
export async function constructedSequences(shared: string): Promise<ConstructedSequence[]> {
  const video = path.join(shared, 'video');
  const step = 1000 / 15;

  // 1) A still photo turned back and forth like a card in front of the camera (planar warps of one real frame).
  const still = (await decodeClip(path.join(video, 'real/frontal_male_webcam_lestari.mp4')))[0]?.image;
  if (still === undefined) throw new Error('no frame in the lestari clip');
  const yaws: number[] = [];
  for (let i = 0; i < 75; i++) {
    const t = i / 75;
    yaws.push(t < 0.1 ? 0 : 40 * Math.sin(2 * Math.PI * (t - 0.1) / 0.9));
  }
  const warped = yaws.map((yaw, i) => ({ tMs: i * step, image: warpTurnedPlane(still, yaw, 4 * Math.sin(i / 7), still.width / 2, still.height * 0.45) }));

  // 2) A "video" of one LFW photo (the same image at 15 fps for 4 s).
  const lfwRoot = path.join(shared, 'face/lfw/lfw-deepfunneled');
  const lfwPerson = (await readdir(lfwRoot, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()[0] ?? '';
  const lfwFile = (await readdir(path.join(lfwRoot, lfwPerson))).filter((f) => f.endsWith('.jpg')).sort()[0] ?? '';
  const lfw = await readRgb(path.join(lfwRoot, lfwPerson, lfwFile));
  const lfwFrames = Array.from({ length: 60 }, (_, i) => ({ tMs: i * step, image: lfw }));

  // 3) NUAA printed-photo attack images of one subject, in capture order, at 5 fps.
  const nuaaDir = path.join(shared, 'spoof/nuaa/ImposterRaw/0003');
  const nuaaFiles = (await readdir(nuaaDir)).filter((f) => f.endsWith('.jpg')).sort();
  const nuaa = await Promise.all(nuaaFiles.map(async (f, i) => ({ tMs: i * 200, image: await readRgb(path.join(nuaaDir, f)) })));

  // 4) A different face mid-session: person A blinks, then person B's clip (who smiles) is spliced in.
  const a = (await decodeClip(path.join(video, 'real/blink_male_selfie_repeating.mp4'))).filter((f) => f.tMs <= 1500);
  const b = (await decodeClip(path.join(video, 'real/liveportrait_d0_smile_gaze.mp4'))).map((f) => ({ tMs: f.tMs + 1550, image: f.image }));

  return [
    { name: 'constructed/planar_warped_photo', description: 'one real frame (lestari) warped as a flat photo turned ±40° about the vertical axis', challenges: ['turn_left', 'turn_right'], frames: warped },
    { name: `constructed/lfw_still_video (${lfwPerson}/${lfwFile})`, description: 'one LFW photo repeated at 15 fps for 4 s', challenges: ['blink'], frames: lfwFrames },
    { name: 'constructed/nuaa_print_0003', description: `${nuaa.length} NUAA printed-photo images of subject 0003 at 5 fps`, challenges: ['blink'], frames: nuaa },
    { name: 'constructed/face_swap_mid_session', description: 'blink clip 0–1.5 s then liveportrait d0 (another man) — different face mid-session', challenges: ['blink', 'smile'], frames: [...a, ...b] },
  ];
}
