/**
 * Draws the current frame of a playing `<video>` onto `canvas` (resized so the longer side is at
 * most `maxSide` pixels, default 640) and encodes it as JPEG (`quality` 0..1, default 0.85).
 * Returns null while the video has no frame yet.
 */
export async function captureJpegFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement, { maxSide = 640, quality = 0.85 }: { maxSide?: number; quality?: number } = {}): Promise<Uint8Array | null> {
  const w = video.videoWidth;
  const h = video.videoHeight;
  if (w === 0 || h === 0) return null;
  const scale = Math.min(1, maxSide / Math.max(w, h));
  canvas.width = Math.round(w * scale);
  canvas.height = Math.round(h * scale);
  const ctx = canvas.getContext('2d');
  if (ctx === null) return null;
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  return blob === null ? null : new Uint8Array(await blob.arrayBuffer());
}
