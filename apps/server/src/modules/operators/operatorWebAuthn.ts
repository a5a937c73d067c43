import { generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { OperatorPasskey } from './operatorRepository.ts';

/** Where operators use their passkeys: the Authloop console itself (RP ID and origin from the issuer URL). */
export interface OperatorRelyingParty {
  readonly rpId: string;
  readonly rpName: string;
  readonly origins: readonly string[];
}

/** The RP of the operator console: `AUTHLOOP_ISSUER`'s host and origin. */
export function operatorRelyingParty(issuer: string): OperatorRelyingParty {
  const url = new URL(issuer);
  return { rpId: url.hostname, rpName: 'Authloop console', origins: [url.origin] };
}

/**
 * The operator second factor: a small WebAuthn ceremony over @simplewebauthn/server (user
 * verification required, `none` attestation accepted). A failed check is a result.
 */
export function operatorWebAuthn(rp: OperatorRelyingParty) {
  return {
    async registrationOptions(o: { operatorId: string; email: string; existing: readonly OperatorPasskey[] }): Promise<PublicKeyCredentialCreationOptionsJSON> {
      return generateRegistrationOptions({
        rpName: rp.rpName,
        rpID: rp.rpId,
        userName: o.email,
        userID: new TextEncoder().encode(o.operatorId),
        attestationType: 'none',
        excludeCredentials: o.existing.map((p) => ({ id: p.id })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      });
    },
    async verifyRegistration(response: RegistrationResponseJSON, expectedChallenge: string): Promise<{ verified: true; passkey: Omit<OperatorPasskey, 'operatorId'> } | { verified: false; reason: string }> {
      try {
        const r = await verifyRegistrationResponse({ response, expectedChallenge, expectedOrigin: [...rp.origins], expectedRPID: rp.rpId, requireUserVerification: true });
        if (!r.verified) return { verified: false, reason: 'registration not verified' };
        const c = r.registrationInfo.credential;
        return { verified: true, passkey: { id: c.id, publicKey: c.publicKey, counter: c.counter, transports: c.transports ?? [] } };
      } catch (error) {
        return { verified: false, reason: error instanceof Error ? error.message : 'registration not verified' };
      }
    },
    async authenticationOptions(passkeys: readonly OperatorPasskey[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
      return generateAuthenticationOptions({ rpID: rp.rpId, allowCredentials: passkeys.map((p) => ({ id: p.id })), userVerification: 'required' });
    },
    async verifyAuthentication(response: AuthenticationResponseJSON, expectedChallenge: string, passkey: OperatorPasskey): Promise<{ verified: true; newCounter: number } | { verified: false; reason: string }> {
      try {
        const r = await verifyAuthenticationResponse({
          response,
          expectedChallenge,
          expectedOrigin: [...rp.origins],
          expectedRPID: rp.rpId,
          requireUserVerification: true,
          credential: { id: passkey.id, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter },
        });
        return r.verified ? { verified: true, newCounter: r.authenticationInfo.newCounter } : { verified: false, reason: 'assertion not verified' };
      } catch (error) {
        return { verified: false, reason: error instanceof Error ? error.message : 'assertion not verified' };
      }
    },
  };
}

export type OperatorWebAuthn = ReturnType<typeof operatorWebAuthn>;
