import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../errors/AppError.ts';

/** Paths that belong to the API: never answered with the web app, even when nothing matches. */
const apiPrefixes = ['/v1/', '/v1', '/oauth/', '/.well-known/', '/docs', '/health', '/ready', '/metrics'] as const;

/** The built web app (`apps/web/dist`) next to this server. */
export const defaultWebDist = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const htmlHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(self), publickey-credentials-get=(self), publickey-credentials-create=(self)',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self' ws: wss:; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
} as const;

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Authloop</title></head>
<body><main><h1>Authloop</h1><p>The API is running, but the web app has not been built yet.</p>
<p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it when needed), then reload this page.</p>
<p>API documentation: <a href="/docs">/docs</a></p></main></body></html>
`;

const isApiPath = (path: string) => apiPrefixes.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));

/**
 * Serves the web app from `distDir` at `/`: hashed assets with a long cache, other existing files as
 * they are, and `index.html` for every other non-API GET (client-side routes). API paths keep the
 * API's `ROUTE_NOT_FOUND`. When the app is not built, non-API pages say how to build it. The
 * directory is looked at per request, so a build made while the server runs is picked up.
 */
export function webApp({ distDir = defaultWebDist }: { distDir?: string } = {}): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyStatic, { root: distDir, serve: false });

    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      let path: string;
      try {
        path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      } catch {
        throw new AppError('NOT_FOUND', 'The path is not valid percent-encoding.');
      }
      if (isApiPath(path)) throw new AppError('ROUTE_NOT_FOUND', `No route ${request.method} ${path}.`);
      const index = join(distDir, 'index.html');
      if (!existsSync(index)) return reply.status(503).headers({ ...htmlHeaders, 'retry-after': '10' }).send(notBuiltPage);
      const rel = normalize(path).replace(/^[/\\]+/, '');
      const file = join(distDir, rel);
      if (rel !== '' && !rel.startsWith('..') && existsSync(file) && statSync(file).isFile()) {
        const immutable = rel.startsWith('assets/');
        return reply.header('x-content-type-options', 'nosniff').sendFile(rel, { maxAge: immutable ? 365 * 24 * 3600 * 1000 : 0, immutable, cacheControl: true });
      }
      if (rel.startsWith('assets/') || /\.[a-z0-9]{2,5}$/i.test(rel)) throw new AppError('NOT_FOUND', `No file ${path}.`);
      return reply.headers(htmlHeaders).sendFile('index.html', { cacheControl: false });
    };
    app.get('/', { schema: { hide: true } }, handler);
    app.get('/*', { schema: { hide: true } }, handler);
  };
}
