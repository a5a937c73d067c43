import { generateAuthenticationOptions } from '@simplewebauthn/server';
import type { AuthenticatorTransportFuture, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Database } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import type { RiskService } from '../policy/riskService.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import { subjectRepository } from '../subjects/subjectRepository.ts';
import type { Subject } from '../subjects/subjectRepository.ts';
import { tenantRepository } from '../tenants/tenantRepository.ts';
import { assertWithCredential } from './assertWithCredential.ts';
import type { CredentialAssertion } from './assertWithCredential.ts';
import type { ChallengeStore } from './ChallengeStore.ts';
import { challengeService, randomChallenge } from './challengeService.ts';
import { credentialRepository } from './credentialRepository.ts';
import type { PasskeyCredential } from './credentialRepository.ts';
import { passkeySettings } from './passkeySettings.ts';
import type { PasskeyDefaults, PasskeySettings } from './passkeySettings.ts';
import { authenticatorDataOrThrow, clientDataOrThrow, malformedAsAppError } from './parseResponse.ts';
import { publicKeyCache } from './publicKeyCache.ts';
import { registerPasskey } from './registerPasskey.ts';
import type { AuthenticationResponseInput, RegistrationResponseInput } from './schema.ts';

const asTransports = (t: readonly string[]) => t.filter((x): x is AuthenticatorTransportFuture => ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'].includes(x));

/**
 * Passkeys for subjects: registration and authentication ceremonies with server-side single-use
 * challenges, per-tenant RP ID and origins, and credential management (list, rename, revoke).
 */
export function passkeyService({ db, audit, clock, store, defaults, risk }: {
  db: Database;
  audit: AuditLog;
  clock: Clock;
  store: ChallengeStore;
  defaults: PasskeyDefaults;
  /** Sign-in attempts are recorded for lockout and risk, and a locked passkey factor refuses sign-in. */
  risk?: Pick<RiskService, 'recordAttempt' | 'lockedFactor'> | undefined;
}) {
  const challenges = challengeService({ store, clock });
  const registration = registerPasskey({ db, audit, clock, challenges });
  const keys = publicKeyCache();

  async function settingsFor(tenantId: string): Promise<PasskeySettings> {
    const tenant = await tenantRepository(db).get(tenantId);
    if (tenant === null) throw new AppError('TENANT_NOT_FOUND', `No tenant ${tenantId}.`);
    return passkeySettings(tenant, defaults);
  }

  async function subjectOf(tenantId: string, subjectId: string): Promise<Subject> {
    const s = await subjectRepository(db).get(tenantId, subjectId);
    if (s === null) throw new AppError('SUBJECT_NOT_FOUND', `No subject ${subjectId} in this tenant.`);
    return s;
  }

  return {
    challenges,
    settingsFor,
    /** Imported credential public keys (bounded LRU) for assertion checks here and in transactions. */
    keys,

    /** Options for `navigator.credentials.create()`: a new passkey for `subjectId`. */
    async registrationOptions(tenantId: string, subjectId: string, { payment = false }: { payment?: boolean } = {}): Promise<PublicKeyCredentialCreationOptionsJSON> {
      const settings = await settingsFor(tenantId);
      return registration.options({ settings, subject: await subjectOf(tenantId, subjectId), payment });
    },

    /** Verifies a registration response and stores the passkey. */
    async verifyRegistration(tenantId: string, subjectId: string, input: { response: RegistrationResponseInput; name?: string | undefined }, actor: AuditActor): Promise<PasskeyCredential> {
      const settings = await settingsFor(tenantId);
      await subjectOf(tenantId, subjectId);
      return registration.verify({ settings, tenantId, subjectId, response: input.response, name: input.name, actor });
    },

    /**
     * Options for `navigator.credentials.get()`. Without `subjectId` the list of allowed credentials is
     * empty, so the browser offers the discoverable passkeys it holds (username-less sign-in).
     */
    async authenticationOptions(tenantId: string, subjectId?: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
      const settings = await settingsFor(tenantId);
      let allow: PasskeyCredential[] = [];
      if (subjectId !== undefined) {
        await subjectOf(tenantId, subjectId);
        allow = await credentialRepository(db).listBySubject(tenantId, subjectId);
        if (allow.length === 0) throw new AppError('PASSKEY_NONE_REGISTERED', 'This subject has no active passkey; register one first.');
      }
      const challenge = randomChallenge();
      await challenges.issue({ tenantId, key: challenge, purpose: 'authentication', challenge, subjectId: subjectId ?? null, transactionId: null, nonce: null });
      return generateAuthenticationOptions({
        rpID: settings.rpId,
        challenge: Buffer.from(challenge, 'base64url'),
        timeout: challenges.ttlMs,
        userVerification: 'required',
        allowCredentials: allow.map((c) => ({ id: c.credentialId, transports: asTransports(c.transports) })),
      });
    },

    /** Verifies a sign-in assertion; answers the subject and passkey it proves. Throws a PASSKEY_* code when refused. */
    async verifyAuthentication(tenantId: string, response: AuthenticationResponseInput): Promise<{ subjectId: string; credential: PasskeyCredential }> {
      const settings = await settingsFor(tenantId);
      const clientData = clientDataOrThrow(response.response.clientDataJSON);
      authenticatorDataOrThrow(response.response.authenticatorData);
      const record = await challenges.consume(tenantId, clientData.challenge, 'authentication');
      const outcome = await malformedAsAppError(() =>
        db.transaction(async (tx) => {
          const asserted = await assertWithCredential(tx, { audit, clock, tenantId, subjectId: record.subjectId, response, clientData, expectedChallenge: record.challenge, expectedTypes: ['webauthn.get'], settings, keys });
          const subjectId = asserted.ok ? asserted.credential.subjectId : record.subjectId;
          // A valid passkey of a subject whose passkey factor the lockout policy locked is refused too.
          const lock = asserted.ok && risk !== undefined ? await risk.lockedFactor(tenantId, asserted.credential.subjectId, 'passkey', tx) : null;
          const o: CredentialAssertion = lock === null ? asserted : { ok: false, code: 'FACTOR_LOCKED', message: lock, reason: 'credential' };
          await audit.record(tx, {
            tenantId,
            actor: { type: 'subject', id: subjectId },
            action: 'passkey.authenticate',
            subjectId,
            outcome: o.ok ? 'success' : 'denied',
            details: o.ok ? { passkeyId: o.credential.id } : { code: o.code },
          });
          // After the audit record, so a lock this failure causes follows it in the chain.
          if (subjectId !== null && risk !== undefined && lock === null) await risk.recordAttempt(tx, { tenantId, subjectId, factor: 'passkey', outcome: o.ok ? 'success' : 'failure' });
          return o;
        }),
      );
      if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
      return { subjectId: outcome.credential.subjectId, credential: outcome.credential };
    },

    /** The subject's passkeys (active first; revoked ones too when asked). */
    list: (tenantId: string, subjectId: string, includeRevoked = false) => credentialRepository(db).listBySubject(tenantId, subjectId, { includeRevoked }),

    async rename(tenantId: string, subjectId: string, passkeyId: string, name: string, actor: AuditActor): Promise<PasskeyCredential> {
      return db.transaction(async (tx) => {
        const c = await credentialRepository(tx).rename(tenantId, subjectId, passkeyId, name);
        if (c === null) throw new AppError('PASSKEY_NOT_FOUND', `No active passkey ${passkeyId} for this subject.`);
        await audit.record(tx, { tenantId, actor, action: 'passkey.rename', subjectId, outcome: 'success', details: { passkeyId } });
        return c;
      });
    },

    /** Revokes a passkey: it is refused from now on (the row stays for the audit trail). */
    async revoke(tenantId: string, subjectId: string, passkeyId: string, actor: AuditActor): Promise<PasskeyCredential> {
      return db.transaction(async (tx) => {
        const c = await credentialRepository(tx).revoke(tenantId, subjectId, passkeyId, clock.now());
        if (c === null) throw new AppError('PASSKEY_NOT_FOUND', `No active passkey ${passkeyId} for this subject.`);
        await audit.record(tx, { tenantId, actor, action: 'passkey.revoke', subjectId, outcome: 'success', details: { passkeyId } });
        return c;
      });
    },
  };
}

export type PasskeyService = ReturnType<typeof passkeyService>;
