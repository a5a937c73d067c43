import { captureJpegFrame } from './captureJpegFrame.ts';

/** JPEG frames from a camera stream, one at a time, as a liveness session consumes them. */
export interface VideoFrameSource {
  /** The `<video>` showing the stream (attach it to the page for a live preview). */
  readonly video: HTMLVideoElement;
  /** The next JPEG frame, or null when none is ready. */
  next(): Promise<Uint8Array | null>;
  /** Stops nothing in the stream itself; detaches the video. */
  close(): void;
}

/**
 * Plays `stream` (from `getUserMedia`) in `video` (a new muted, inline one by default) and grabs
 * frames through an offscreen canvas as JPEG. Frames are at most `maxSide` pixels on the longer side.
 */
export async function createVideoFrameSource({ stream, video = document.createElement('video'), maxSide = 640, quality = 0.85 }: {
  stream: MediaStream;
  video?: HTMLVideoElement;
  maxSide?: number;
  quality?: number;
}): Promise<VideoFrameSource> {
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();
  const canvas = document.createElement('canvas');
  return {
    video,
    next: () => captureJpegFrame(video, canvas, { maxSide, quality }),
    close() {
      video.srcObject = null;
    },
  };
}
