import { createHash, randomUUID } from 'node:crypto';
import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { AuthenticationExtensionsClientInputs, AuthenticatorTransportFuture, PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { isUniqueViolation } from '@authloop/store';
import type { Database } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import type { Subject } from '../subjects/subjectRepository.ts';
import type { ChallengeService } from './challengeService.ts';
import { randomChallenge } from './challengeService.ts';
import { credentialRepository } from './credentialRepository.ts';
import type { PasskeyCredential } from './credentialRepository.ts';
import type { PasskeySettings } from './passkeySettings.ts';
import { attestationOrThrow, clientDataOrThrow } from './parseResponse.ts';
import type { RegistrationResponseInput } from './schema.ts';

const TRANSPORTS: readonly AuthenticatorTransportFuture[] = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'];
const isTransport = (t: string): t is AuthenticatorTransportFuture => (TRANSPORTS as readonly string[]).includes(t);

/**
 * The registration ceremony: options (discoverable credential, user verification required, the
 * subject's existing passkeys excluded) and verification (challenge, origin, RP ID, flags, attestation
 * by tenant policy), storing the credential and its audit record in one transaction.
 */
export function registerPasskey({ db, audit, clock, challenges }: { db: Database; audit: AuditLog; clock: Clock; challenges: ChallengeService }) {
  return {
    async options({ settings, subject, payment }: { settings: PasskeySettings; subject: Subject; payment: boolean }): Promise<PublicKeyCredentialCreationOptionsJSON> {
      const repo = credentialRepository(db);
      const handle = await repo.ensureUserHandle(subject.tenantId, subject.id, randomChallenge());
      const existing = await repo.listBySubject(subject.tenantId, subject.id);
      const challenge = randomChallenge();
      await challenges.issue({ tenantId: subject.tenantId, key: challenge, purpose: 'registration', challenge, subjectId: subject.id, transactionId: null, nonce: null });
      // SPC's `payment` extension is not in the library's extension type; it passes extensions through.
      const paymentExtension: AuthenticationExtensionsClientInputs & { payment?: { isPayment: boolean } } = { payment: { isPayment: true } };
      return generateRegistrationOptions({
        rpName: settings.rpName,
        rpID: settings.rpId,
        userID: Buffer.from(handle, 'base64url'),
        userName: subject.externalId,
        userDisplayName: subject.displayName ?? subject.externalId,
        challenge: Buffer.from(challenge, 'base64url'),
        timeout: challenges.ttlMs,
        attestationType: settings.attestation,
        excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports.filter(isTransport) })),
        authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
        supportedAlgorithmIDs: [-8, -7, -257],
        ...(payment ? { extensions: paymentExtension } : {}),
      });
    },

    async verify({ settings, subjectId, tenantId, response, name, actor }: { settings: PasskeySettings; tenantId: string; subjectId: string; response: RegistrationResponseInput; name: string | undefined; actor: AuditActor }): Promise<PasskeyCredential> {
      const clientData = clientDataOrThrow(response.response.clientDataJSON);
      const attestation = attestationOrThrow(response.response.attestationObject);
      const record = await challenges.consume(tenantId, clientData.challenge, 'registration');
      if (record.subjectId !== subjectId) throw new AppError('PASSKEY_CEREMONY_MISMATCH', 'This registration challenge was issued for another subject.');
      if (clientData.type !== 'webauthn.create') throw new AppError('PASSKEY_CEREMONY_MISMATCH', `client data type is "${clientData.type}"; a registration is "webauthn.create".`);
      if (!settings.origins.includes(clientData.origin)) throw new AppError('PASSKEY_ORIGIN_NOT_ALLOWED', `Origin ${clientData.origin} is not allowed for this tenant.`, { details: { origin: clientData.origin } });
      const rpIdHash = createHash('sha256').update(settings.rpId).digest();
      if (!rpIdHash.equals(attestation.authData.rpIdHash)) throw new AppError('PASSKEY_RP_ID_MISMATCH', `The credential was not created for RP ID ${settings.rpId}.`);
      if (!attestation.authData.flags.up) throw new AppError('PASSKEY_USER_NOT_PRESENT', 'The authenticator did not report user presence.');
      if (!attestation.authData.flags.uv) throw new AppError('PASSKEY_USER_NOT_VERIFIED', 'The authenticator did not verify the user (biometric or PIN); user verification is required.');
      if (attestation.fmt === 'none' && !settings.allowNoneAttestation) throw new AppError('PASSKEY_ATTESTATION_REJECTED', 'This tenant requires attestation; "none" is not accepted.', { details: { fmt: 'none' } });

      let verified;
      try {
        verified = await verifyRegistrationResponse({
          response: {
            id: response.id,
            rawId: response.rawId,
            type: 'public-key',
            response: { clientDataJSON: response.response.clientDataJSON, attestationObject: response.response.attestationObject, transports: (response.response.transports ?? []).filter(isTransport) },
            clientExtensionResults: {},
          },
          expectedChallenge: record.challenge,
          expectedOrigin: [...settings.origins],
          expectedRPID: settings.rpId,
          requireUserVerification: true,
        });
      } catch (error) {
        throw new AppError('PASSKEY_ATTESTATION_REJECTED', `The attestation did not verify: ${error instanceof Error ? error.message : 'unknown reason'}.`, { details: { fmt: attestation.fmt }, cause: error });
      }
      if (!verified.verified) throw new AppError('PASSKEY_ATTESTATION_REJECTED', 'The attestation did not verify.', { details: { fmt: attestation.fmt } });
      const info = verified.registrationInfo;
      try {
        return await db.transaction(async (tx) => {
          const credential = await credentialRepository(tx).insert({
            id: randomUUID(),
            tenantId,
            subjectId,
            credentialId: info.credential.id,
            publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
            signCount: info.credential.counter,
            transports: (response.response.transports ?? []).filter(isTransport),
            aaguid: info.aaguid,
            attestationFormat: info.fmt,
            deviceType: info.credentialDeviceType,
            backedUp: info.credentialBackedUp,
            name: name ?? 'Passkey',
            createdAt: clock.now(),
          });
          await audit.record(tx, { tenantId, actor, action: 'passkey.register', subjectId, outcome: 'success', details: { passkeyId: credential.id, aaguid: info.aaguid, fmt: info.fmt } });
          return credential;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('PASSKEY_ALREADY_REGISTERED', 'This credential is already registered in this tenant.');
        throw error;
      }
    },
  };
}
