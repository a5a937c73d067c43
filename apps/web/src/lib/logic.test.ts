import { describe, expect, it } from 'vitest';
import { matchRoute } from '../app/matchRoute.ts';
import { auditFilterErrors, toAuditQuery } from './auditFilters.ts';
import { formatAmount } from './formatAmount.ts';
import { frameStats, lumaOf, qualityHints } from './frameQuality.ts';
import { histogramQuantile } from './histogramQuantile.ts';

function frame(w: number, h: number, px: (x: number, y: number) => number): Uint8ClampedArray {
  const d = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) d.fill(px(x, y), (y * w + x) * 4, (y * w + x) * 4 + 3);
  return d;
}

describe('quality hints', () => {
  const textured = (x: number, y: number, base: number) => base + (((x >> 2) + (y >> 2)) % 2) * 60;
  it('asks for light on a dark frame and for stillness when the picture moves', () => {
    const dark = lumaOf(frame(40, 30, (x, y) => textured(x, y, 5)), 40, 30);
    expect(qualityHints(frameStats(dark, 40, 30)).map((h) => h.id)).toContain('too-dark');
    const a = lumaOf(frame(40, 30, (x, y) => textured(x, y, 90)), 40, 30);
    const b = lumaOf(frame(40, 30, (x, y) => textured(x + 2, y + 2, 90)), 40, 30);
    expect(qualityHints(frameStats(a, 40, 30)).map((h) => h.id)).toEqual([]);
    expect(qualityHints(frameStats(b, 40, 30, a)).map((h) => h.id)).toEqual(['hold-still']);
  });
  it('calls a flat grey frame blurry and low-contrast, not good', () => {
    const flat = lumaOf(frame(40, 30, () => 128), 40, 30);
    expect(qualityHints(frameStats(flat, 40, 30)).map((h) => h.id)).toEqual(['low-contrast', 'blurry']);
  });
});

describe('histogramQuantile', () => {
  it('interpolates inside buckets like PromQL', () => {
    const b = [{ le: 0.01, count: 50 }, { le: 0.1, count: 90 }, { le: Infinity, count: 100 }];
    expect(histogramQuantile(0.5, b)).toBeCloseTo(0.01);
    expect(histogramQuantile(0.7, b)).toBeCloseTo(0.01 + 0.09 * 0.5);
    expect(histogramQuantile(0.99, b)).toBe(0.1);
    expect(histogramQuantile(0.5, [])).toBeNaN();
  });
});

describe('matchRoute', () => {
  it('matches parameters and rejects other shapes', () => {
    expect(matchRoute('/approve/:transactionId', '/approve/abc%20d')).toEqual({ transactionId: 'abc d' });
    expect(matchRoute('/', '/')).toEqual({});
    expect(matchRoute('/admin', '/admin/')).toEqual({});
    expect(matchRoute('/approve/:id', '/approve')).toBeNull();
    expect(matchRoute('/approve/:id', '/approve/%E0%A4%A')).toBeNull();
  });
});

describe('audit filters', () => {
  it('validates like the server and builds the query', () => {
    const f = { from: '2026-01-02T10:00', to: '2026-01-01T10:00', action: 'Face!', outcome: '', subjectId: 'x' };
    expect(Object.keys(auditFilterErrors(f)).sort()).toEqual(['action', 'subjectId', 'to']);
    const ok = { from: '', to: '', action: 'face.*', outcome: 'failure', subjectId: '' };
    expect(auditFilterErrors(ok)).toEqual({});
    expect(toAuditQuery(ok)).toEqual({ action: 'face.*', outcome: 'failure' });
  });
});

describe('formatAmount', () => {
  it('keeps the minor units the server answered with', () => {
    expect(formatAmount('1250.00', 'EUR')).toBe('€1,250.00');
    expect(formatAmount('1250', 'JPY')).toBe('JP¥1,250');
    expect(formatAmount('12.5', 'ZZZ1')).toBe('12.5 ZZZ1');
  });
});
