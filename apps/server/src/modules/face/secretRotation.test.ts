import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretRotation } from './secretRotation.ts';

const dot = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
const random = (d: number): Float32Array => Float32Array.from({ length: d }, () => Math.random() - 0.5);

describe('secretRotation', () => {
  it.each([128, 1024])('preserves inner products and norms in %i dimensions, and scrambles the vector', (d) => {
    const r = secretRotation(randomBytes(32), d);
    const a = random(d), b = random(d);
    const ra = r.apply(a), rb = r.apply(b);
    expect(dot(ra, rb)).toBeCloseTo(dot(a, b), 3);
    expect(dot(ra, ra)).toBeCloseTo(dot(a, a), 3);
    expect(Math.abs(dot(a, ra)) / dot(a, a)).toBeLessThan(0.35);
  });

  it('is deterministic per seed and different between seeds', () => {
    const seed = randomBytes(32);
    const v = random(128);
    expect(secretRotation(seed, 128).apply(v)).toEqual(secretRotation(seed, 128).apply(v));
    const other = secretRotation(randomBytes(32), 128).apply(v);
    const same = secretRotation(seed, 128).apply(v);
    expect(Math.abs(dot(other, same)) / dot(v, v)).toBeLessThan(0.35);
  });

  it('refuses a bad seed or a vector of the wrong size', () => {
    expect(() => secretRotation(new Uint8Array(16), 128)).toThrow(RangeError);
    expect(() => secretRotation(randomBytes(32), 128).apply(new Float32Array(64))).toThrow(RangeError);
  });
});
