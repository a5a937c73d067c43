import type { Scope } from './scopes.ts';

/** Who is calling, from a verified access token. Every repository call is scoped by `tenantId`. */
export interface Principal {
  readonly kind: 'client' | 'subject' | 'operator';
  readonly tenantId: string;
  /** Client id, subject id or operator id. */
  readonly id: string;
  readonly scopes: ReadonlySet<Scope>;
  readonly tokenId: string;
}
