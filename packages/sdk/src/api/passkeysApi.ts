import type { Transport } from '../Transport.ts';
import type { AuthenticationResponseJSON, Passkey, PasskeyCreationOptions, PasskeyRequestOptions, PasskeySessionTokens, RegistrationResponseJSON } from '../serverTypes.ts';

const enc = encodeURIComponent;

/**
 * Passkeys (WebAuthn). `me*` methods need a person's session token (scope `self`); `forSubject*`
 * methods are for the bank's back end (client token, `passkeys:read`/`passkeys:write`); sign-in is
 * public. For the browser side of a ceremony see `registerPasskey`/`signInWithPasskey` in
 * `@authloop/sdk/browser`.
 */
export function passkeysApi(t: Transport) {
  return {
    /** `POST /v1/me/passkeys/registration/options`; `payment: true` registers for Secure Payment Confirmation. */
    registrationOptions: (input: { payment?: boolean } = {}) => t.json<PasskeyCreationOptions>({ method: 'POST', path: '/v1/me/passkeys/registration/options', json: input }),
    /** `POST /v1/me/passkeys/registration/verify`: stores the new passkey. */
    verifyRegistration: (input: { credential: RegistrationResponseJSON; name?: string }) => t.json<Passkey>({ method: 'POST', path: '/v1/me/passkeys/registration/verify', json: input }),
    /** `GET /v1/me/passkeys`: my passkeys. */
    list: async () => (await t.json<{ items: Passkey[] }>({ method: 'GET', path: '/v1/me/passkeys' })).items,
    /** `PATCH /v1/me/passkeys/{id}`: rename (1–100 characters). */
    rename: (passkeyId: string, name: string) => t.json<Passkey>({ method: 'PATCH', path: `/v1/me/passkeys/${enc(passkeyId)}`, json: { name } }),
    /** `DELETE /v1/me/passkeys/{id}`: revoke; the passkey can no longer sign in. */
    revoke: (passkeyId: string) => t.json<Passkey>({ method: 'DELETE', path: `/v1/me/passkeys/${enc(passkeyId)}` }),

    /** `POST /v1/subjects/{id}/passkeys/registration/options` (back end relays the ceremony). */
    forSubjectRegistrationOptions: (subjectId: string, input: { payment?: boolean } = {}) => t.json<PasskeyCreationOptions>({ method: 'POST', path: `/v1/subjects/${enc(subjectId)}/passkeys/registration/options`, json: input }),
    /** `POST /v1/subjects/{id}/passkeys/registration/verify`. */
    forSubjectVerifyRegistration: (subjectId: string, input: { credential: RegistrationResponseJSON; name?: string }) => t.json<Passkey>({ method: 'POST', path: `/v1/subjects/${enc(subjectId)}/passkeys/registration/verify`, json: input }),
    /** `GET /v1/subjects/{id}/passkeys`: revoked ones included. */
    forSubjectList: async (subjectId: string) => (await t.json<{ items: Passkey[] }>({ method: 'GET', path: `/v1/subjects/${enc(subjectId)}/passkeys` })).items,
    /** `DELETE /v1/subjects/{id}/passkeys/{passkeyId}`. */
    forSubjectRevoke: (subjectId: string, passkeyId: string) => t.json<Passkey>({ method: 'DELETE', path: `/v1/subjects/${enc(subjectId)}/passkeys/${enc(passkeyId)}` }),

    /** `POST /v1/passkeys/authentication/options` (public). Without `subjectId`: username-less sign-in. */
    authenticationOptions: (input: { tenantId: string; subjectId?: string }) => t.json<PasskeyRequestOptions>({ method: 'POST', path: '/v1/passkeys/authentication/options', json: input, auth: false }),
    /** `POST /v1/passkeys/authentication/verify` (public): session tokens for the passkey's subject. */
    verifyAuthentication: (input: { tenantId: string; credential: AuthenticationResponseJSON }) => t.json<PasskeySessionTokens>({ method: 'POST', path: '/v1/passkeys/authentication/verify', json: input, auth: false }),
  };
}

/** The passkeys API group. */
export type PasskeysApi = ReturnType<typeof passkeysApi>;
