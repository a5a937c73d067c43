import { describe, expect, it } from 'vitest';
import { afterFailure, checkLockout, lockoutLimits } from './lockoutPolicy.ts';
import type { LockoutRow } from './faceRepository.ts';

const t0 = new Date('2026-01-01T00:00:00Z');

function fail(times: number, limits = lockoutLimits(false)): LockoutRow | null {
  let s: LockoutRow | null = null;
  for (let i = 0; i < times; i++) s = afterFailure(s, t0, limits);
  return s;
}

describe('lockout policy', () => {
  it('lets four failures pass, then delays 30 s, doubling, capped at an hour', () => {
    expect(checkLockout(fail(4), t0)).toEqual({ allowed: true });
    expect(checkLockout(fail(5), t0)).toEqual({ allowed: false, code: 'FACE_LOCKED', retryAfterS: 30 });
    expect(checkLockout(fail(6), t0)).toEqual({ allowed: false, code: 'FACE_LOCKED', retryAfterS: 60 });
    expect(checkLockout(fail(20), t0)).toEqual({ allowed: false, code: 'FACE_LOCKED', retryAfterS: 3600 });
    expect(checkLockout(fail(5), new Date(t0.getTime() + 30_000))).toEqual({ allowed: true });
  });

  it('disables the factor at 50 failures (100 when liveness is required)', () => {
    expect(checkLockout(fail(49), new Date(t0.getTime() + 86_400_000))).toEqual({ allowed: true });
    expect(checkLockout(fail(50), new Date(t0.getTime() + 86_400_000))).toEqual({ allowed: false, code: 'FACE_DISABLED' });
    const live = lockoutLimits(true);
    expect(checkLockout(fail(9, live), t0)).toEqual({ allowed: true });
    expect(checkLockout(fail(10, live), t0)).toMatchObject({ code: 'FACE_LOCKED', retryAfterS: 30 });
    expect(checkLockout(fail(99, live), new Date(t0.getTime() + 86_400_000))).toEqual({ allowed: true });
    expect(checkLockout(fail(100, live), t0)).toEqual({ allowed: false, code: 'FACE_DISABLED' });
  });
});
