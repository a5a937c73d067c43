/**
 * Matches a path against a pattern with `:name` segments (`/approve/:transactionId`). Returns the
 * decoded parameters, or null. Trailing slashes are ignored; matching is exact otherwise.
 */
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const split = (p: string) => p.replace(/\/+$/, '').split('/').filter((s, i) => i === 0 || s !== '');
  const ps = split(pattern);
  const xs = split(path);
  if (ps.length !== xs.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i] ?? '';
    const x = xs[i] ?? '';
    if (p.startsWith(':')) {
      if (x === '') return null;
      try {
        params[p.slice(1)] = decodeURIComponent(x);
      } catch {
        return null;
      }
    } else if (p !== x) return null;
  }
  return params;
}
