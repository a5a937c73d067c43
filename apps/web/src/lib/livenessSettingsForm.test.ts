import { describe, expect, it } from 'vitest';
import { checkLivenessSettings } from './livenessSettingsForm.ts';

describe('checkLivenessSettings', () => {
  it('turns a valid draft into the request body, types in canonical order', () => {
    expect(checkLivenessSettings({ challengeTypes: ['smile', 'blink'], minCount: '1', maxCount: ' 2 ' })).toEqual({ ok: true, value: { challengeTypes: ['blink', 'smile'], minCount: 1, maxCount: 2 } });
  });
  it('asks for at least one movement', () => {
    const r = checkLivenessSettings({ challengeTypes: [], minCount: '1', maxCount: '1' });
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(['challengeTypes']);
  });
  it('refuses counts outside 1–4, non-numbers and min above max', () => {
    const bad = (minCount: string, maxCount: string) => {
      const r = checkLivenessSettings({ challengeTypes: ['blink', 'smile', 'nod', 'look_up'], minCount, maxCount });
      return r.ok ? [] : r.problems.map((p) => p.field);
    };
    expect(bad('0', '2')).toEqual(['minCount']);
    expect(bad('1', '5')).toEqual(['maxCount']);
    expect(bad('two', '2')).toEqual(['minCount']);
    expect(bad('1.5', '2')).toEqual(['minCount']);
    expect(bad('3', '2')).toEqual(['minCount']);
  });
  it('refuses more challenges per session than chosen types', () => {
    const r = checkLivenessSettings({ challengeTypes: ['smile'], minCount: '1', maxCount: '2' });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.problems[0]?.message).toMatch(/Only 1 movement type is chosen/);
  });
});
