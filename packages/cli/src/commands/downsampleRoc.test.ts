import { describe, expect, it } from 'vitest';
import { downsampleRoc } from './downsampleRoc.ts';

/** A synthetic ROC: FAR from 1 down to 1/n in n steps, FRR rising as FAR falls. */
function fullRoc(n: number): { far: number; frr: number }[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const far = (n - i) / n;
    return { far, frr: Math.min(1, 0.02 * -Math.log10(Math.max(far, 1e-9))) };
  });
}

describe('downsampleRoc', () => {
  it('answers at most 60 real points, sorted by FAR, TAR never falling', () => {
    const full = fullRoc(100_000);
    const out = downsampleRoc(full);
    expect(out.length).toBeGreaterThan(40);
    expect(out.length).toBeLessThanOrEqual(60);
    for (let i = 1; i < out.length; i++) {
      expect(out[i]?.far).toBeGreaterThan(out[i - 1]?.far ?? Infinity);
      expect(out[i]?.tar).toBeGreaterThanOrEqual(out[i - 1]?.tar ?? Infinity);
    }
    const real = new Set(full.map((p) => `${p.far}:${1 - p.frr}`));
    for (const p of out) expect(real.has(`${p.far}:${p.tar}`)).toBe(true);
  });

  it('spaces the points logarithmically: each decade holds about the same number', () => {
    const out = downsampleRoc(fullRoc(100_000));
    const perDecade = [-4, -3, -2, -1].map((d) => out.filter((p) => p.far > 10 ** d && p.far <= 10 ** (d + 1)).length);
    for (const n of perDecade) expect(n).toBeGreaterThanOrEqual(12);
  });

  it('keeps the TAR at FAR 1e-3 of the full curve (best point with FAR ≤ 1e-3)', () => {
    const full = [
      { far: 0, frr: 0.2 }, { far: 0.0005, frr: 0.1 }, { far: 0.001, frr: 0.05 }, { far: 0.0011, frr: 0.01 }, { far: 1, frr: 0 },
    ];
    const out = downsampleRoc(full);
    const atOrBelow = out.filter((p) => p.far <= 1e-3);
    expect(atOrBelow.at(-1)).toEqual({ far: 0.001, tar: 0.95 });
    expect(out[0]).toEqual({ far: 0, tar: 0.8 });
    expect(out.at(-1)).toEqual({ far: 1, tar: 1 });
  });

  it('answers no point for an empty curve and skips non-finite ones', () => {
    expect(downsampleRoc([])).toEqual([]);
    expect(downsampleRoc([{ far: Number.NaN, frr: 0 }, { far: 0.5, frr: 0.1 }])).toEqual([{ far: 0.5, tar: 0.9 }]);
  });

  it('honours a smaller budget and refuses an impossible one', () => {
    expect(downsampleRoc(fullRoc(10_000), { maxPoints: 9 }).length).toBeLessThanOrEqual(9);
    expect(() => downsampleRoc([], { maxPoints: 3 })).toThrow(RangeError);
  });
});
