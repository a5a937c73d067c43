import { describe, expect, it } from 'vitest';
import { checkPassword } from './checkPassword.ts';

describe('checkPassword (NIST SP 800-63B)', () => {
  const ok = (password: string, hasSecondFactor = false, context: string[] = []) => checkPassword({ password, hasSecondFactor, context });

  it('needs 15 characters without a second factor and 8 with one', () => {
    expect(ok('fjord-lamp-quiz')).toMatchObject({ ok: true });
    expect(ok('fjord-lamp-qui')).toMatchObject({ ok: false, reason: 'too-short' });
    expect(ok('fjord-la', true)).toMatchObject({ ok: true });
    expect(ok('fjord-l', true)).toMatchObject({ ok: false, reason: 'too-short' });
  });

  it('counts code points after NFKC, so emoji and accents are not penalised', () => {
    expect(ok('ééééé-ñandú-☃☃☃☃')).toMatchObject({ ok: true });
    expect(ok('🦊🐻🐼🦁🐯🐸🐙🔥', true)).toMatchObject({ ok: true });
  });

  it('accepts 64 characters and beyond, up to 256', () => {
    expect(ok('a quiet brook under the old stone bridge sings to the moss all night')).toMatchObject({ ok: true });
    expect(ok('x'.repeat(100) + 'yz'.repeat(100))).toMatchObject({ ok: false, reason: 'too-long' });
  });

  it('refuses common, repetitive, sequential and context passwords, with no composition rules', () => {
    expect(ok('passwordpassword')).toMatchObject({ ok: false, reason: 'common' });
    expect(ok('Password123', true)).toMatchObject({ ok: false, reason: 'common' });
    expect(ok('aaaaaaaaaaaaaaaa')).toMatchObject({ ok: false, reason: 'repetitive' });
    expect(ok('abababababababab')).toMatchObject({ ok: false, reason: 'repetitive' });
    expect(ok('abcdefghijklmnopq')).toMatchObject({ ok: false, reason: 'repetitive' });
    expect(ok('ada.lovelace-strong-horse', false, ['ada.lovelace'])).toMatchObject({ ok: false, reason: 'contains-context' });
    expect(ok('my authloop console key')).toMatchObject({ ok: false, reason: 'contains-context' });
    expect(ok('all lowercase words here')).toMatchObject({ ok: true });
  });
});
