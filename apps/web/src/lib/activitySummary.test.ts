import type { ActivityReport } from '@authloop/sdk';
import { describe, expect, it } from 'vitest';
import { summariseActivity } from './activitySummary.ts';

const zero = { success: 0, failure: 0, denied: 0, error: 0 };
const actions = ['face.verify', 'face.identify', 'passkey.authenticate', 'liveness.session.complete', 'transaction.approve', 'operator.sign-in'] as const;
const byAction = (over: Partial<Record<(typeof actions)[number], typeof zero>> = {}) => Object.fromEntries(actions.map((a) => [a, over[a] ?? zero])) as ActivityReport['totals']['byAction'];

const report: ActivityReport = {
  days: 2,
  from: '2026-03-09',
  to: '2026-03-10',
  generatedAt: '2026-03-10T10:00:00.000Z',
  actions: [...actions],
  daily: [
    { date: '2026-03-09', total: { success: 3, failure: 1, denied: 0, error: 0 }, byAction: byAction({ 'face.verify': { success: 3, failure: 1, denied: 0, error: 0 } }) },
    { date: '2026-03-10', total: { success: 1, failure: 0, denied: 1, error: 1 }, byAction: byAction({ 'passkey.authenticate': { success: 1, failure: 0, denied: 1, error: 1 } }) },
  ],
  totals: {
    total: { success: 4, failure: 1, denied: 1, error: 1 },
    byAction: byAction({ 'face.verify': { success: 3, failure: 1, denied: 0, error: 0 }, 'passkey.authenticate': { success: 1, failure: 0, denied: 1, error: 1 } }),
  },
  liveness: { passed: 1, failed: 3, daily: [], reasons: [{ reason: 'PAD_SPOOF', count: 2 }, { reason: 'SOMETHING_NEW', count: 1 }] },
};

describe('activity summary', () => {
  const s = summariseActivity(report);

  it('totals attempts and the success rate', () => {
    expect(s.attempts).toBe(7);
    expect(s.succeeded).toBe(4);
    expect(s.successRate).toBeCloseTo(4 / 7);
  });

  it('splits each day into succeeded, failed and refused (denied + error)', () => {
    expect(s.daily).toEqual([
      { date: '2026-03-09', label: '03-09', values: [3, 1, 0] },
      { date: '2026-03-10', label: '03-10', values: [1, 0, 2] },
    ]);
  });

  it('rates each factor, busiest first, with no rate for a factor without attempts', () => {
    expect(s.factors.slice(0, 2).map((f) => [f.label, f.attempts, f.successRate])).toEqual([['Face verification', 4, 0.75], ['Passkey sign-in', 3, 1 / 3]]);
    expect(s.factors.find((f) => f.action === 'operator.sign-in')).toMatchObject({ attempts: 0, successRate: null });
    expect(s.factors).toHaveLength(6);
  });

  it('labels liveness reasons for people and keeps unknown codes', () => {
    expect(s.liveness.rejectionRate).toBe(0.75);
    expect(s.liveness.reasons).toEqual([{ reason: 'PAD_SPOOF', label: 'Photo or screen (PAD)', count: 2 }, { reason: 'SOMETHING_NEW', label: 'SOMETHING_NEW', count: 1 }]);
    expect(summariseActivity({ ...report, totals: { total: zero, byAction: byAction() }, liveness: { passed: 0, failed: 0, daily: [], reasons: [] } })).toMatchObject({ successRate: null, liveness: { rejectionRate: null } });
  });
});
