import { randomUUID } from 'node:crypto';
import { hashSecret, randomSecret } from '@authloop/crypto';
import type { Database } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { Principal } from '../auth/Principal.ts';
import type { Scope } from '../auth/scopes.ts';
import type { TokenService } from '../auth/tokenService.ts';
import { refreshTokenRepository } from './refreshTokenRepository.ts';

/** What a sign-in hands back: a short-lived access token and an opaque, rotating refresh token. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly scope: string;
}

type RefreshOutcome = { kind: 'ok'; tokens: SessionTokens } | { kind: 'reused' } | { kind: 'invalid'; message: string } | { kind: 'revoked' };

/**
 * Sessions for people (subjects and operators): refresh tokens are stored hashed, rotated on every
 * use, and reuse of an already-used one revokes the whole family (RFC 9700 §4.14.2).
 */
export function sessionService({ db, tokens, clock, refreshTtlS }: { db: Database; tokens: TokenService; clock: Clock; refreshTtlS: number }) {
  async function mint(tx: Parameters<typeof refreshTokenRepository>[0], p: { kind: 'subject' | 'operator'; tenantId: string; id: string; scopes: ReadonlySet<Scope> }, familyId: string): Promise<SessionTokens> {
    const refreshToken = `rt_${randomSecret()}`;
    await refreshTokenRepository(tx).insert({
      id: randomUUID(),
      tenantId: p.tenantId,
      familyId,
      tokenHash: hashSecret(refreshToken),
      principalType: p.kind,
      principalId: p.id,
      scopes: [...p.scopes],
      expiresAt: new Date(clock.now().getTime() + refreshTtlS * 1000),
    });
    const access = await tokens.issue({ kind: p.kind, tenantId: p.tenantId, id: p.id, scopes: p.scopes });
    return { accessToken: access.accessToken, refreshToken, expiresIn: access.expiresIn, scope: [...p.scopes].join(' ') };
  }

  return {
    /** Starts a session (a new refresh-token family) for a subject or operator. */
    async start(p: { kind: 'subject' | 'operator'; tenantId: string; id: string; scopes: ReadonlySet<Scope> }): Promise<SessionTokens> {
      return db.transaction((tx) => mint(tx, p, randomUUID()));
    },

    /** Exchanges a refresh token for new tokens. Throws INVALID_GRANT, TOKEN_REVOKED or REFRESH_TOKEN_REUSED. */
    async refresh(refreshToken: string): Promise<SessionTokens> {
      const now = clock.now();
      const outcome = await db.transaction(async (tx): Promise<RefreshOutcome> => {
        const repo = refreshTokenRepository(tx);
        const row = await repo.findByHashForUpdate(hashSecret(refreshToken));
        if (row === null) return { kind: 'invalid', message: 'The refresh token is not recognised.' };
        if (row.revokedAt !== null) return { kind: 'revoked' };
        if (row.usedAt !== null) {
          await repo.revokeFamily(row.familyId, now);
          return { kind: 'reused' };
        }
        if (row.expiresAt.getTime() <= now.getTime()) return { kind: 'invalid', message: 'The refresh token has expired; sign in again.' };
        await repo.markUsed(row.id, now);
        const tokens = await mint(tx, { kind: row.principalType, tenantId: row.tenantId, id: row.principalId, scopes: new Set(row.scopes as Scope[]) }, row.familyId);
        return { kind: 'ok', tokens };
      });
      switch (outcome.kind) {
        case 'ok':
          return outcome.tokens;
        case 'reused':
          throw new AppError('REFRESH_TOKEN_REUSED', 'This refresh token was already used. Every token of this session has been revoked; sign in again.');
        case 'revoked':
          throw new AppError('TOKEN_REVOKED', 'This session was revoked (logout or reuse detected); sign in again.');
        case 'invalid':
          throw new AppError('INVALID_GRANT', outcome.message);
      }
    },

    /** Logout: revokes the family of `refreshToken`. Unknown tokens are ignored (RFC 7009 §2.2). */
    async revoke(refreshToken: string): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = refreshTokenRepository(tx);
        const row = await repo.findByHashForUpdate(hashSecret(refreshToken));
        if (row !== null) await repo.revokeFamily(row.familyId, clock.now());
      });
    },

    /** Revokes every session of a principal (used by erasure and lockout). */
    async revokeAll(p: Pick<Principal, 'tenantId' | 'id' | 'kind'>): Promise<void> {
      await refreshTokenRepository(db).revokeAllFor(p.tenantId, p.kind, p.id, clock.now());
    },
  };
}

export type SessionService = ReturnType<typeof sessionService>;
