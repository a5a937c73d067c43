import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, matchesEvent } from './checkWebhookUrl.ts';
import { signWebhook, verifyWebhookSignature } from './signWebhook.ts';

describe('webhook signatures', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const t = Math.floor(now.getTime() / 1000);
  const body = '{"type":"privacy.erase"}';
  it('verifies a signature over timestamp and body, and refuses tampering, other secrets and stale timestamps', () => {
    const header = signWebhook('whsec_a', t, body);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret: 'whsec_a', header, body, now })).toEqual({ valid: true, timestampS: t });
    expect(verifyWebhookSignature({ secret: 'whsec_a', header, body: body.replace('erase', 'export'), now })).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifyWebhookSignature({ secret: 'whsec_b', header, body, now })).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifyWebhookSignature({ secret: 'whsec_a', header, body, now: new Date(now.getTime() + 301_000) })).toEqual({ valid: false, reason: 'stale' });
    expect(verifyWebhookSignature({ secret: 'whsec_a', header: 'v1=abc', body, now })).toEqual({ valid: false, reason: 'malformed' });
  });
});

describe('webhook URLs and event patterns', () => {
  it('needs https, allowing http only to loopback outside production, never with credentials', () => {
    expect(checkWebhookUrl('https://bank.example/hooks', { allowLoopbackHttp: false }).ok).toBe(true);
    expect(checkWebhookUrl('http://bank.example/hooks', { allowLoopbackHttp: true }).ok).toBe(false);
    expect(checkWebhookUrl('http://127.0.0.1:9999/h', { allowLoopbackHttp: true }).ok).toBe(true);
    expect(checkWebhookUrl('http://127.0.0.1:9999/h', { allowLoopbackHttp: false }).ok).toBe(false);
    expect(checkWebhookUrl('https://user:pw@bank.example/', { allowLoopbackHttp: false }).ok).toBe(false);
    expect(checkWebhookUrl('ftp://bank.example/', { allowLoopbackHttp: true }).ok).toBe(false);
    expect(checkWebhookUrl('not a url', { allowLoopbackHttp: true }).ok).toBe(false);
  });
  it('matches exact actions, prefixes and *', () => {
    expect(matchesEvent(['privacy.erase'], 'privacy.erase')).toBe(true);
    expect(matchesEvent(['privacy.erase'], 'privacy.export')).toBe(false);
    expect(matchesEvent(['transaction.*'], 'transaction.approve')).toBe(true);
    expect(matchesEvent(['transaction.*'], 'transactions.approve')).toBe(false);
    expect(matchesEvent(['*'], 'anything.at.all')).toBe(true);
  });
});
