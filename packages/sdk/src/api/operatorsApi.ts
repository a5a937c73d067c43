import type { Transport } from '../Transport.ts';
import type { AuthenticationResponseJSON, CreateOperatorInput, Operator, OperatorMe, OperatorPasskeyCreationOptions, OperatorSignInInput, OperatorSignInResult, OperatorTokens, RegistrationResponseJSON } from '../serverTypes.ts';

const enc = encodeURIComponent;

/**
 * Operators (people who run a tenant: admin, operator, auditor) and their own accounts. Sign-in is
 * public: a password first, then — when the operator has a passkey — a passkey assertion with the
 * `mfaToken` the first step returned (`signInOperatorWithPasskey` in `@authloop/sdk/browser` runs
 * that step in a browser). `me*` methods need an operator token (`operator:self`); `list`,
 * `create` and `disable` take an operator or API client token (`operators:read`/`operators:write`).
 */
export function operatorsApi(t: Transport) {
  return {
    /** `POST /v1/operators/sign-in` (public): tokens, or `mfa-required` with passkey request options. Omit `tenantId` for a platform superadmin. */
    signIn: (input: OperatorSignInInput) => t.json<OperatorSignInResult>({ method: 'POST', path: '/v1/operators/sign-in', json: input, auth: false }),
    /** `POST /v1/operators/sign-in/passkey` (public): finishes sign-in with the passkey assertion. */
    completeSignIn: (input: { mfaToken: string; credential: AuthenticationResponseJSON }) => t.json<OperatorTokens>({ method: 'POST', path: '/v1/operators/sign-in/passkey', json: input, auth: false }),
    /** `GET /v1/operators/me`: the signed-in operator. */
    me: () => t.json<OperatorMe>({ method: 'GET', path: '/v1/operators/me' }),
    /** `POST /v1/operators/me/passkeys/options`: start registering a passkey as second factor. */
    passkeyOptions: () => t.json<{ registrationId: string; publicKey: OperatorPasskeyCreationOptions }>({ method: 'POST', path: '/v1/operators/me/passkeys/options' }),
    /** `POST /v1/operators/me/passkeys`: finish registering the passkey. */
    registerPasskey: (input: { registrationId: string; credential: RegistrationResponseJSON }) => t.json<{ id: string }>({ method: 'POST', path: '/v1/operators/me/passkeys', json: input }),
    /** `POST /v1/operators/me/password`: change own password. */
    changePassword: (input: { currentPassword: string; newPassword: string }) => t.empty({ method: 'POST', path: '/v1/operators/me/password', json: input }),
    /** `GET /v1/operators`: the tenant's operators. */
    list: async () => (await t.json<{ items: Operator[] }>({ method: 'GET', path: '/v1/operators' })).items,
    /** `POST /v1/operators`: create an operator in this tenant. */
    create: (input: CreateOperatorInput) => t.json<Operator>({ method: 'POST', path: '/v1/operators', json: input }),
    /** `POST /v1/operators/{id}/disable`: disable an operator and revoke their sessions. */
    disable: (operatorId: string) => t.empty({ method: 'POST', path: `/v1/operators/${enc(operatorId)}/disable` }),
  };
}

/** The operators API group. */
export type OperatorsApi = ReturnType<typeof operatorsApi>;
