import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature header Authloop sends: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export const SIGNATURE_HEADER = 'authloop-signature';

/** Signs a delivery body at `timestampS` (unix seconds). */
export function signWebhook(secret: string, timestampS: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex');
  return `t=${timestampS},v1=${mac}`;
}

/**
 * What a receiver runs: checks the HMAC over `<t>.<raw body>` in constant time and that `t` is within
 * `toleranceS` (default 300 s) of `now`, which stops replays of old deliveries. A failed check is a result.
 */
export function verifyWebhookSignature({ secret, header, body, now = new Date(), toleranceS = 300 }: { secret: string; header: string | undefined; body: string; now?: Date; toleranceS?: number }): { valid: true; timestampS: number } | { valid: false; reason: 'malformed' | 'stale' | 'mismatch' } {
  const m = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (m?.[1] === undefined || m[2] === undefined) return { valid: false, reason: 'malformed' };
  const t = Number(m[1]);
  if (Math.abs(now.getTime() / 1000 - t) > toleranceS) return { valid: false, reason: 'stale' };
  const expected = Buffer.from(signWebhook(secret, t, body).slice(`t=${t},v1=`.length), 'hex');
  const given = Buffer.from(m[2], 'hex');
  return timingSafeEqual(expected, given) ? { valid: true, timestampS: t } : { valid: false, reason: 'mismatch' };
}
