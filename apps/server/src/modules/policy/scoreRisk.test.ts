import { describe, expect, it } from 'vitest';
import { ipNetwork } from './ipNetwork.ts';
import { scoreRisk } from './scoreRisk.ts';

const calm = { subjectFailures: 0, subjectVelocity: 1, ipFailures: 0, ipVelocity: 1, newDevice: false, newNetwork: false, daysSinceLastSuccess: 2 };

describe('scoreRisk', () => {
  it('is 0 for a known device on a known network with a recent success', () => {
    expect(scoreRisk(calm)).toMatchObject({ score: 0, level: 'low', reasons: [] });
  });
  it('adds each signal and says which ones contributed', () => {
    const r = scoreRisk({ ...calm, subjectFailures: 2, newNetwork: true, daysSinceLastSuccess: null });
    expect(r.score).toBe(40);
    expect(r.reasons).toEqual(['subject failures +20', 'new network +10', 'no recent success +10']);
    expect(r.level).toBe('medium');
  });
  it('caps at 100', () => {
    expect(scoreRisk({ subjectFailures: 9, subjectVelocity: 50, ipFailures: 20, ipVelocity: 90, newDevice: true, newNetwork: true, daysSinceLastSuccess: 400 }).score).toBe(100);
  });
});

describe('ipNetwork', () => {
  it('groups IPv4 by /24 and IPv6 by /48', () => {
    expect(ipNetwork('203.0.113.77')).toBe('203.0.113.0/24');
    expect(ipNetwork('::ffff:203.0.113.9')).toBe('203.0.113.0/24');
    expect(ipNetwork('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(ipNetwork('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(ipNetwork('not an ip')).toBeNull();
  });
});
