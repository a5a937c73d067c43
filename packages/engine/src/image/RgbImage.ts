/** An interleaved 8-bit RGB image (3 bytes per pixel, row-major, no padding). */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}
