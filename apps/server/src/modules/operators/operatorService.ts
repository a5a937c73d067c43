import { randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { isUniqueViolation } from '@authloop/store';
import type { Database } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import type { TokenService } from '../auth/tokenService.ts';
import type { SessionService } from '../sessions/sessionService.ts';
import { checkPassword } from './checkPassword.ts';
import { operatorRepository } from './operatorRepository.ts';
import type { Operator } from './operatorRepository.ts';
import type { OperatorWebAuthn } from './operatorWebAuthn.ts';
import { PLATFORM_TENANT, scopesForRole } from './roles.ts';
import type { OperatorRole } from './roles.ts';

/** Argon2id (the library default) with OWASP's minimum: 19 MiB, 2 passes, 1 lane. */
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const MAX_FAILURES = 10;
const LOCK_MS = 15 * 60 * 1000;
const CHALLENGE_MS = 5 * 60 * 1000;

/** Tokens of an operator session. Superadmins get no refresh token (their sessions are not tenant rows). */
export interface OperatorTokens {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly expiresIn: number;
  readonly scope: string;
}

export type SignInResult = { readonly status: 'signed-in'; readonly tokens: OperatorTokens } | { readonly status: 'mfa-required'; readonly mfaToken: string; readonly publicKey: PublicKeyCredentialRequestOptionsJSON };

/**
 * Operators: creation with NIST password rules and Argon2id, password sign-in with lockout after
 * repeated failures, a passkey second factor (required once registered), sessions with the
 * foundation's tokens carrying the role's scopes. Tenant operators' actions are audited.
 */
export function operatorService({ db, audit, sessions, tokens, webauthn, clock }: { db: Database; audit: AuditLog; sessions: SessionService; tokens: TokenService; webauthn: OperatorWebAuthn; clock: Clock }) {
  const repo = operatorRepository(db);
  let dummyHash: Promise<string> | null = null;
  const actorOf = (o: Operator): AuditActor => ({ type: 'operator', id: o.id });

  async function startSession(o: Operator): Promise<OperatorTokens> {
    const scopes = scopesForRole(o.role);
    if (o.tenantId === null) {
      const t = await tokens.issue({ kind: 'operator', tenantId: PLATFORM_TENANT, id: o.id, scopes });
      return { accessToken: t.accessToken, refreshToken: null, expiresIn: t.expiresIn, scope: [...scopes].join(' ') };
    }
    const s = await sessions.start({ kind: 'operator', tenantId: o.tenantId, id: o.id, scopes });
    return s;
  }

  async function auditSignIn(o: Operator, outcome: 'success' | 'failure', reason: string): Promise<void> {
    const tenantId = o.tenantId;
    if (tenantId === null) return;
    await db.transaction((tx) => audit.record(tx, { tenantId, actor: actorOf(o), action: 'operator.sign-in', outcome, details: { reason } }));
  }

  async function failed(o: Operator, reason: string): Promise<never> {
    await repo.recordFailure(o.id, MAX_FAILURES, new Date(clock.now().getTime() + LOCK_MS));
    await auditSignIn(o, 'failure', reason);
    throw new AppError('OPERATOR_SIGN_IN_FAILED', 'Sign-in failed: wrong email, password or second factor.');
  }

  function usable(o: Operator): void {
    if (o.disabledAt !== null) throw new AppError('OPERATOR_SIGN_IN_FAILED', 'Sign-in failed: wrong email, password or second factor.');
    if (o.lockedUntil !== null && o.lockedUntil.getTime() > clock.now().getTime()) {
      throw new AppError('OPERATOR_LOCKED', 'Too many failed sign-ins; try again later.', { details: { lockedUntil: o.lockedUntil.toISOString() } });
    }
  }

  return {
    /** Creates an operator (role `superadmin` with `tenantId` null). Throws PASSWORD_REJECTED or OPERATOR_EXISTS. */
    async create(input: { tenantId: string | null; email: string; role: OperatorRole; password: string }, actor: AuditActor): Promise<Operator> {
      if ((input.role === 'superadmin') !== (input.tenantId === null)) throw new AppError('INVALID_FIELD', 'Only a superadmin has no tenant, and a superadmin has none.');
      const check = checkPassword({ password: input.password, hasSecondFactor: false, context: [input.email.split('@')[0] ?? ''] });
      if (!check.ok) throw new AppError('PASSWORD_REJECTED', check.message, { details: { reason: check.reason } });
      const passwordHash = await hash(check.normalized, ARGON2);
      try {
        return await db.transaction(async (tx) => {
          const o = await operatorRepository(tx).insert({ id: randomUUID(), tenantId: input.tenantId, email: input.email, role: input.role, passwordHash, createdAt: clock.now() });
          if (o.tenantId !== null) await audit.record(tx, { tenantId: o.tenantId, actor, action: 'operator.create', outcome: 'success', details: { operatorId: o.id, role: o.role } });
          return o;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('OPERATOR_EXISTS', `An operator with email "${input.email}" already exists here.`);
        throw error;
      }
    },

    /** Step 1: email and password. Operators with a passkey must complete step 2 with it. */
    async signIn(input: { tenantId: string | null; email: string; password: string }): Promise<SignInResult> {
      const o = await repo.byEmail(input.tenantId, input.email);
      dummyHash ??= hash(randomBytes(16).toString('hex'), ARGON2);
      const ok = await verify(o?.passwordHash ?? (await dummyHash), input.password.normalize('NFKC'));
      if (o === null) throw new AppError('OPERATOR_SIGN_IN_FAILED', 'Sign-in failed: wrong email, password or second factor.');
      usable(o);
      if (!ok) return failed(o, 'password');
      const passkeys = await repo.passkeys(o.id);
      if (passkeys.length === 0) {
        await repo.recordSuccess(o.id);
        await auditSignIn(o, 'success', 'password');
        return { status: 'signed-in', tokens: await startSession(o) };
      }
      const publicKey = await webauthn.authenticationOptions(passkeys);
      const mfaToken = `mfa_${randomBytes(32).toString('base64url')}`;
      await repo.insertChallenge({ id: mfaToken, operatorId: o.id, purpose: 'sign-in', challenge: publicKey.challenge, expiresAt: new Date(clock.now().getTime() + CHALLENGE_MS) });
      return { status: 'mfa-required', mfaToken, publicKey };
    },

    /** Step 2: the passkey assertion for the challenge of step 1 (single use, 5 minutes). */
    async completeSignIn(input: { mfaToken: string; credential: AuthenticationResponseJSON }): Promise<OperatorTokens> {
      const c = await repo.consumeChallenge(input.mfaToken, 'sign-in', clock.now());
      if (c === null) throw new AppError('MFA_FAILED', 'This second-factor challenge is unknown, used or expired; sign in again.');
      const o = await repo.get(await tenantOf(c.operatorId), c.operatorId);
      if (o === null) throw new AppError('MFA_FAILED', 'This second-factor challenge is unknown, used or expired; sign in again.');
      usable(o);
      const passkey = (await repo.passkeys(o.id)).find((p) => p.id === input.credential.id);
      if (passkey === undefined) return failed(o, 'passkey-unknown');
      const r = await webauthn.verifyAuthentication(input.credential, c.challenge, passkey);
      if (!r.verified) return failed(o, 'passkey');
      await repo.updatePasskeyCounter(passkey.id, r.newCounter, clock.now());
      await repo.recordSuccess(o.id);
      await auditSignIn(o, 'success', 'password+passkey');
      return startSession(o);
    },

    /** Starts registering a passkey for the signed-in operator. */
    async passkeyOptions(operatorId: string, tenantId: string | null): Promise<{ registrationId: string; publicKey: PublicKeyCredentialCreationOptionsJSON }> {
      const o = await this.get(tenantId, operatorId);
      const publicKey = await webauthn.registrationOptions({ operatorId: o.id, email: o.email, existing: await repo.passkeys(o.id) });
      const registrationId = `reg_${randomBytes(24).toString('base64url')}`;
      await repo.insertChallenge({ id: registrationId, operatorId: o.id, purpose: 'register', challenge: publicKey.challenge, expiresAt: new Date(clock.now().getTime() + CHALLENGE_MS) });
      return { registrationId, publicKey };
    },

    /** Finishes registering a passkey; from now on sign-in needs it. */
    async registerPasskey(operatorId: string, tenantId: string | null, registrationId: string, credential: RegistrationResponseJSON): Promise<{ id: string }> {
      const c = await repo.consumeChallenge(registrationId, 'register', clock.now());
      if (c === null || c.operatorId !== operatorId) throw new AppError('MFA_FAILED', 'This registration is unknown, used or expired; start again.');
      const o = await this.get(tenantId, operatorId);
      const r = await webauthn.verifyRegistration(credential, c.challenge);
      if (!r.verified) throw new AppError('MFA_FAILED', `The passkey could not be registered: ${r.reason}`);
      await db.transaction(async (tx) => {
        await operatorRepository(tx).insertPasskey({ ...r.passkey, operatorId: o.id }, clock.now());
        if (o.tenantId !== null) await audit.record(tx, { tenantId: o.tenantId, actor: actorOf(o), action: 'operator.passkey.register', outcome: 'success' });
      });
      return { id: r.passkey.id };
    },

    /** Changes the password; 8 characters suffice once a passkey is registered, 15 otherwise. */
    async changePassword(operatorId: string, tenantId: string | null, current: string, next: string): Promise<void> {
      const o = await this.get(tenantId, operatorId);
      if (!(await verify(o.passwordHash, current.normalize('NFKC')))) throw new AppError('OPERATOR_SIGN_IN_FAILED', 'The current password is wrong.');
      const check = checkPassword({ password: next, hasSecondFactor: (await repo.passkeys(o.id)).length > 0, context: [o.email.split('@')[0] ?? ''] });
      if (!check.ok) throw new AppError('PASSWORD_REJECTED', check.message, { details: { reason: check.reason } });
      const passwordHash = await hash(check.normalized, ARGON2);
      await db.transaction(async (tx) => {
        await operatorRepository(tx).setPassword(o.id, passwordHash);
        if (o.tenantId !== null) await audit.record(tx, { tenantId: o.tenantId, actor: actorOf(o), action: 'operator.password.change', outcome: 'success' });
      });
    },

    async get(tenantId: string | null, id: string): Promise<Operator> {
      const o = await repo.get(tenantId, id);
      if (o === null) throw new AppError('OPERATOR_NOT_FOUND', `No operator ${id} here.`);
      return o;
    },
    list: (tenantId: string) => repo.list(tenantId),
    hasPasskey: async (id: string) => (await repo.passkeys(id)).length > 0,

    /** Disables an operator and revokes their sessions. */
    async disable(tenantId: string, id: string, actor: AuditActor): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await operatorRepository(tx).disable(tenantId, id, clock.now()))) throw new AppError('OPERATOR_NOT_FOUND', `No active operator ${id} in this tenant.`);
        await audit.record(tx, { tenantId, actor, action: 'operator.disable', outcome: 'success', details: { operatorId: id } });
      });
      await sessions.revokeAll({ tenantId, kind: 'operator', id });
    },
  };

  async function tenantOf(operatorId: string): Promise<string | null> {
    const [row] = await db.query<{ tenant_id: string | null }>('SELECT tenant_id FROM operators WHERE id = $1', [operatorId]);
    return row?.tenant_id ?? null;
  }
}

export type OperatorService = ReturnType<typeof operatorService>;
