import type { Queryable } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import type { ErrorCode } from '../../errors/codes.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import { assertionCodes } from './assertionCodes.ts';
import { credentialRepository } from './credentialRepository.ts';
import type { PasskeyCredential } from './credentialRepository.ts';
import type { ClientData } from './parseClientDataJSON.ts';
import type { PasskeySettings } from './passkeySettings.ts';
import type { PublicKeyCache } from './publicKeyCache.ts';
import type { AuthenticationResponseInput } from './schema.ts';
import { verifyAssertion } from './verifyAssertion.ts';
import type { AssertionFailure, AssertionResult } from './verifyAssertion.ts';

/** The outcome of {@link assertWithCredential}: the caller commits it, then throws on a refusal. */
export type CredentialAssertion =
  | { readonly ok: true; readonly credential: PasskeyCredential; readonly result: Extract<AssertionResult, { verified: true }> }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string; readonly reason: AssertionFailure | 'credential' };

/**
 * Verifies an assertion with the stored credential it names, inside the caller's transaction: the
 * credential must belong to the tenant (and to `subjectId` when given), be neither revoked nor flagged,
 * and match the user handle the authenticator returned. On success the sign counter and last use are
 * updated; a counter that went backwards flags the credential (audited) so it is refused from then on.
 * A refusal is returned, not thrown, so the flag commits with the caller's transaction.
 */
export async function assertWithCredential(
  tx: Queryable,
  {
    audit,
    clock,
    tenantId,
    subjectId,
    response,
    clientData,
    expectedChallenge,
    expectedTypes,
    settings,
    challengeCode = 'PASSKEY_CHALLENGE_UNKNOWN',
    keys,
  }: {
    audit: AuditLog;
    clock: Clock;
    tenantId: string;
    subjectId: string | null;
    response: AuthenticationResponseInput;
    clientData: ClientData;
    expectedChallenge: string;
    expectedTypes: readonly string[];
    settings: PasskeySettings;
    /** The code for a challenge that does not match (transactions answer TRANSACTION_CHALLENGE_MISMATCH). */
    challengeCode?: ErrorCode;
    /** The passkey service's cache of imported public keys (fast signature path). */
    keys?: PublicKeyCache | undefined;
  },
): Promise<CredentialAssertion> {
  const repo = credentialRepository(tx);
  const refuse = (code: ErrorCode, message: string, reason: AssertionFailure | 'credential' = 'credential'): CredentialAssertion => ({ ok: false, code, message, reason });
  const credential = await repo.byCredentialIdForUpdate(tenantId, response.rawId);
  if (credential === null || (subjectId !== null && credential.subjectId !== subjectId)) return refuse('PASSKEY_CREDENTIAL_UNKNOWN', 'This passkey is not registered for this subject in this tenant.');
  if (credential.revokedAt !== null) return refuse('PASSKEY_CREDENTIAL_REVOKED', `This passkey was revoked at ${credential.revokedAt.toISOString()}.`);
  if (credential.flaggedAt !== null) return refuse('PASSKEY_CREDENTIAL_FLAGGED', 'This passkey is flagged (its sign counter went backwards; it may be cloned) and is refused. Register a new one.');
  const userHandle = response.response.userHandle;
  if (userHandle !== undefined && userHandle !== null && userHandle !== '') {
    const expected = await repo.userHandle(tenantId, credential.subjectId);
    if (expected !== userHandle) return refuse('PASSKEY_USER_HANDLE_MISMATCH', 'The user handle the authenticator returned does not belong to this passkey’s subject.');
  }
  const result = await verifyAssertion({ response, clientData, expectedChallenge, expectedTypes, origins: settings.origins, rpId: settings.rpId, credential, keys });
  if (!result.verified) {
    if (result.reason === 'counter') {
      const now = clock.now();
      await repo.flag(tenantId, credential.id, result.message, now);
      await audit.record(tx, { tenantId, actor: { type: 'system', id: null }, action: 'passkey.flag', subjectId: credential.subjectId, outcome: 'denied', details: { passkeyId: credential.id, reason: 'counter_regressed' } });
    }
    const code = result.reason === 'challenge' ? challengeCode : assertionCodes[result.reason];
    return refuse(code, `Assertion refused: ${result.message}`, result.reason);
  }
  await repo.recordUse(tenantId, credential.id, result.signCount, result.backedUp, clock.now());
  return { ok: true, credential, result };
}

/** The audit actor for a subject acting on their own behalf. */
export const subjectActor = (subjectId: string): AuditActor => ({ type: 'subject', id: subjectId });
