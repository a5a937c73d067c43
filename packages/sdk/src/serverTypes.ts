/**
 * Request and response types of the API, inferred from the server's own zod schemas. Type-only
 * imports: the SDK bundle carries none of the server's code. Where a server module keeps a schema
 * private to its routes file, the type is written here and says which schema it mirrors.
 */
import type { z } from 'zod';
import type { createSubjectBody, listSubjectsQuery, subjectView } from '../../../apps/server/src/modules/subjects/schema.ts';

/** A subject: a person a tenant authenticates. */
export type Subject = z.output<typeof subjectView>;
/** Body of `POST /v1/subjects`. */
export type CreateSubjectInput = z.input<typeof createSubjectBody>;
/** Query of `GET /v1/subjects`. */
export type ListSubjectsInput = z.input<typeof listSubjectsQuery>;
/** A page of subjects. */
export interface SubjectPage {
  readonly items: Subject[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Answer of `POST /oauth/token` (mirrors `tokenResponse` in `modules/auth/oauthRoutes.ts`). */
export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  /** Seconds until the access token expires. */
  readonly expires_in: number;
  readonly scope: string;
  readonly refresh_token?: string;
}

/** Answer of `POST /v1/subjects/{id}/sessions` (mirrors `tokenPair` in `modules/subjects/routes.ts`). */
export interface SessionTokens {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly token_type: 'Bearer';
  /** Seconds until the access token expires. */
  readonly expires_in: number;
  readonly scope: string;
}

/** `GET /health` (mirrors `modules/ops/routes.ts`). */
export interface Health {
  readonly status: 'ok';
  readonly version: string;
}
/** `GET /ready` (mirrors `modules/ops/routes.ts`). */
export interface Readiness {
  readonly status: 'ready';
  /** `pglite` or `postgres`. */
  readonly database: string;
}
/** One public key of `GET /.well-known/jwks.json`. */
export interface Jwk {
  readonly kty: string;
  readonly crv?: string;
  readonly x?: string;
  readonly kid?: string;
  readonly alg?: string;
  readonly use?: string;
}
