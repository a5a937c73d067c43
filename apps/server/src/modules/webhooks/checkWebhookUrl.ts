/**
 * Webhook endpoints must be HTTPS. Plain HTTP is allowed only to a loopback host (127.0.0.1, ::1,
 * localhost) and only outside production, for local development and tests. Credentials in the URL
 * are refused (they would be logged and stored).
 */
export function checkWebhookUrl(raw: string, { allowLoopbackHttp }: { allowLoopbackHttp: boolean }): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'The webhook URL is not a valid absolute URL.' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, message: 'The webhook URL must not contain credentials.' };
  if (url.protocol === 'https:') return { ok: true, url: url.toString() };
  const loopback = url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost';
  if (url.protocol === 'http:' && loopback && allowLoopbackHttp) return { ok: true, url: url.toString() };
  return { ok: false, message: 'Webhook URLs must use https:// (http:// only to a loopback address outside production).' };
}

/** True when an endpoint's `events` patterns cover an action: exact, `prefix.*`, or `*`. */
export function matchesEvent(patterns: readonly string[], action: string): boolean {
  return patterns.some((p) => p === '*' || p === action || (p.endsWith('.*') && action.startsWith(p.slice(0, -1))));
}
