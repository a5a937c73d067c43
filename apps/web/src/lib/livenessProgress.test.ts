import { AuthloopError } from '@authloop/sdk';
import { describe, expect, it } from 'vitest';
import { initialLivenessProgress, livenessProgress } from './livenessProgress.ts';
import { describeChallengeFailure, describeLivenessReason } from './livenessText.ts';
import { parseJsonText, validationIssues } from './validationIssues.ts';

const sid = '00000000-0000-4000-8000-000000000000';

describe('livenessProgress', () => {
  it('walks through the challenges from the stream messages', () => {
    let s = livenessProgress(initialLivenessProgress, { type: 'session', sessionId: sid, challenges: ['blink', 'smile'], nonce: 'n', expiresAt: '2026-01-01T00:00:00Z', padAvailable: true });
    expect(s.challenges).toEqual(['blink', 'smile']);
    s = livenessProgress(s, { type: 'challenge', index: 0, total: 2, challenge: 'blink' });
    s = livenessProgress(s, { type: 'progress', frame: 1, tMs: 100, face: true, index: 0, challenge: 'blink', progress: 1.7 });
    expect(s.progress).toBe(1);
    expect(s.face).toBe(true);
    // A progress message for another challenge does not move the bar.
    expect(livenessProgress(s, { type: 'progress', frame: 2, tMs: 120, face: true, index: 1, challenge: 'smile', progress: 0.2 }).progress).toBe(1);
    s = livenessProgress(s, { type: 'challenge_passed', index: 0, challenge: 'blink', durationMs: 900 });
    expect(s).toMatchObject({ current: 1, progress: 0, passed: [0] });
    s = livenessProgress(s, { type: 'challenge_failed', index: 1, challenge: 'smile', reason: 'TIMEOUT', detail: 'not completed within 10000 ms' });
    expect(s.failed).toEqual({ index: 1, reason: 'TIMEOUT', detail: 'not completed within 10000 ms' });
    s = livenessProgress(s, { type: 'result', sessionId: sid, passed: false, reasons: ['CHALLENGE_TIMEOUT'], scores: {}, challenges: [], livenessToken: null, expiresIn: null });
    expect(s.result?.reasons).toEqual(['CHALLENGE_TIMEOUT']);
    expect(livenessProgress(s, { type: 'reset' })).toBe(initialLivenessProgress);
  });

  it('words reasons for people and falls back to the code or the server detail', () => {
    expect(describeLivenessReason('PAD_SPOOF')).toMatch(/photo or a screen/);
    expect(describeLivenessReason('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(describeChallengeFailure('FACE_LOST')).toMatch(/oval/);
    expect(describeChallengeFailure('NEW', 'server says')).toBe('server says');
  });
});

describe('policy editor validation', () => {
  it('reports broken JSON before sending', () => {
    expect(parseJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const bad = parseJsonText('{ "actions": ');
    expect(bad.ok).toBe(false);
  });

  it("reads the server's issues with dotted paths", () => {
    const e = new AuthloopError({ code: 'VALIDATION_FAILED', message: 'bad', status: 400, details: { issues: [{ path: '/thresholds/face/targetFmr', message: 'Too big' }, { path: ['actions', 'enrol'], message: 'Required' }, 'junk'] } });
    expect(validationIssues(e)).toEqual([
      { path: 'thresholds.face.targetFmr', message: 'Too big' },
      { path: 'actions.enrol', message: 'Required' },
    ]);
    expect(validationIssues(new Error('x'))).toEqual([]);
  });
});
