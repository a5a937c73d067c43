import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/AppError.ts';
import { decodeBase64Image } from './readImages.ts';

const codeOf = (f: () => unknown): string => {
  try {
    f();
    return 'none';
  } catch (e) {
    return e instanceof AppError ? e.code : 'other';
  }
};

describe('decodeBase64Image', () => {
  it('decodes standard, URL-safe and data-URL base64', () => {
    const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xfb, 0xef, 0x01]);
    const std = Buffer.from(bytes).toString('base64');
    expect([...decodeBase64Image(std, 'image', 100)]).toEqual([...bytes]);
    expect([...decodeBase64Image(Buffer.from(bytes).toString('base64url'), 'image', 100)]).toEqual([...bytes]);
    expect([...decodeBase64Image(`data:image/jpeg;base64,${std}`, 'image', 100)]).toEqual([...bytes]);
  });

  it('refuses text that is not base64, and images over the limit', () => {
    expect(codeOf(() => decodeBase64Image('not base64!', 'image', 100))).toBe('INVALID_BASE64');
    expect(codeOf(() => decodeBase64Image('', 'image', 100))).toBe('INVALID_BASE64');
    expect(codeOf(() => decodeBase64Image('abcde', 'image', 100))).toBe('INVALID_BASE64');
    expect(codeOf(() => decodeBase64Image(Buffer.alloc(101).toString('base64'), 'image', 100))).toBe('PAYLOAD_TOO_LARGE');
    expect(codeOf(() => decodeBase64Image(Buffer.alloc(100).toString('base64'), 'image', 100))).toBe('none');
  });
});
