/**
 * Whether the server has `METHOD /path` (`{param}` segments allowed), asked without side effects:
 * no credentials, parameters set to the nil UUID, and for non-GET methods a deliberately malformed
 * JSON body, so the server answers 401 or 400 before any handler runs. Only `ROUTE_NOT_FOUND`
 * means the endpoint does not exist. Used when the OpenAPI document cannot be read.
 */
export async function probeEndpoint(endpoint: string, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<boolean> {
  const [method = 'GET', path = '/'] = endpoint.split(' ');
  const url = path.replace(/\{[^}]+\}/g, '00000000-0000-0000-0000-000000000000');
  const res = await fetchImpl(url, { method, credentials: 'omit', ...(method === 'GET' || method === 'HEAD' ? {} : { headers: { 'content-type': 'application/json' }, body: '{' }) });
  if (res.status !== 404) return true;
  const body: unknown = await res.json().catch(() => null);
  const code = typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'object' && body.error !== null && 'code' in body.error ? body.error.code : null;
  return code !== 'ROUTE_NOT_FOUND';
}
