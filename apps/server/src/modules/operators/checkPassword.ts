import { commonPasswords } from './commonPasswords.ts';

/** NIST SP 800-63B-4 §3.1.1.2 lengths: 15 when the password is the only factor, 8 with a second factor. */
export const MIN_LENGTH_SINGLE_FACTOR = 15;
export const MIN_LENGTH_WITH_MFA = 8;
/** We accept at least 64 characters (NIST: "SHOULD permit at least 64"). */
export const MAX_LENGTH = 256;

/** Why a password was refused; each reason has a message a person can act on. */
export type PasswordRejection = 'too-short' | 'too-long' | 'common' | 'repetitive' | 'contains-context';

export type PasswordCheck = { readonly ok: true; readonly normalized: string } | { readonly ok: false; readonly reason: PasswordRejection; readonly message: string };

/**
 * Checks a new password the way NIST SP 800-63B asks: Unicode NFKC normalisation, length in code
 * points (min 15 single-factor, 8 with MFA; max 256), no composition rules, refused when it is in a
 * blocklist of common/breached passwords, repetitive or sequential, or contains context words (the
 * email's local part, the service name). A refusal is a result, not an exception.
 */
export function checkPassword({ password, hasSecondFactor, context = [], blocklist = commonPasswords }: { password: string; hasSecondFactor: boolean; context?: readonly string[]; blocklist?: ReadonlySet<string> }): PasswordCheck {
  const normalized = password.normalize('NFKC');
  const length = [...normalized].length;
  const min = hasSecondFactor ? MIN_LENGTH_WITH_MFA : MIN_LENGTH_SINGLE_FACTOR;
  if (length < min) return { ok: false, reason: 'too-short', message: `Use at least ${min} characters${hasSecondFactor ? '' : ' (8 once a passkey is registered as second factor)'}.` };
  if (length > MAX_LENGTH) return { ok: false, reason: 'too-long', message: `Use at most ${MAX_LENGTH} characters.` };
  const lower = normalized.toLowerCase();
  if (blocklist.has(lower)) return { ok: false, reason: 'common', message: 'This password is commonly used or known from breaches; choose another.' };
  if (new Set(lower).size <= 2 || isSequential(lower)) return { ok: false, reason: 'repetitive', message: 'This password is repetitive or sequential; choose another.' };
  for (const word of ['authloop', ...context.map((c) => c.toLowerCase())]) {
    if (word.length >= 4 && lower.includes(word)) return { ok: false, reason: 'contains-context', message: 'The password must not contain your email name or the service name.' };
  }
  return { ok: true, normalized };
}

function isSequential(s: string): boolean {
  const codes = [...s].map((c) => c.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  if (Math.abs(step) !== 1) return false;
  return codes.every((c, i) => i === 0 || c - (codes[i - 1] ?? 0) === step);
}
