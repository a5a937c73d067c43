import { describe, expect, it } from 'vitest';
import { laplacianVariance } from './laplacianVariance.ts';

describe('laplacianVariance', () => {
  it('is 0 on a flat image and large on a checkerboard', () => {
    const flat = new Uint8Array(16 * 16).fill(128);
    const checker = Uint8Array.from({ length: 16 * 16 }, (_, i) => ((i % 16) + Math.floor(i / 16)) % 2 === 0 ? 0 : 255);
    expect(laplacianVariance(flat, 16, 16)).toBe(0);
    expect(laplacianVariance(checker, 16, 16)).toBeGreaterThan(1e5);
  });
});
