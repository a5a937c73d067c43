import { randomBytes } from 'node:crypto';
import { encrypt } from '@authloop/crypto';
import { describe, expect, it } from 'vitest';
import { openTemplate, sealTemplate } from './sealedTemplate.ts';
import { meanTemplate } from './templateMath.ts';

const vec = (...xs: number[]): Float32Array => new Float32Array(xs);
const sample = (magnitude: number | undefined, vector = vec(1, 0)) => ({
  addedAt: '2026-01-01T00:00:00.000Z',
  source: 'enrol' as const,
  quality: 0.9,
  template: { vectors: [{ model: 'm', version: '1', vector, ...(magnitude === undefined ? {} : { magnitude }) }] },
});

describe('sealed face templates keep the embedding magnitude', () => {
  const key = new Uint8Array(randomBytes(32));
  it('seals and restores magnitude per sample', () => {
    const opened = openTemplate(key, sealTemplate(key, { samples: [sample(21.5), sample(18.25)] }, 'aad'), 'aad');
    expect(opened.samples.map((s) => s.template.vectors[0]?.magnitude)).toEqual([21.5, 18.25]);
  });
  it('opens rows sealed before magnitudes were stored (no magnitude)', () => {
    const old = { v: 1, samples: [{ addedAt: 'x', source: 'enrol', quality: 1, vectors: [{ model: 'm', version: '1', vector: Buffer.from(vec(1, 0).buffer).toString('base64') }] }] };
    const opened = openTemplate(key, encrypt(key, new TextEncoder().encode(JSON.stringify(old)), 'aad'), 'aad');
    const v = opened.samples[0]?.template.vectors[0];
    expect(v?.magnitude).toBeUndefined();
    expect(v !== undefined && 'magnitude' in v).toBe(false);
    expect(Array.from(v?.vector ?? [])).toEqual([1, 0]);
  });
  it('gives the mean template the mean magnitude, or none when a sample lacks it', () => {
    const mean = meanTemplate([sample(20).template, sample(24, vec(0, 1)).template]);
    expect(mean.vectors[0]?.magnitude).toBe(22);
    const mixed = meanTemplate([sample(20).template, sample(undefined).template]);
    expect(mixed.vectors[0]?.magnitude).toBeUndefined();
  });
});
