import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import type { Operator } from './operatorRepository.ts';
import { operatorRoles } from './roles.ts';

const b64url = z.string().min(1).max(16_384).regex(/^[A-Za-z0-9_-]+={0,2}$/);
const transport = z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);

/** `PublicKeyCredential.toJSON()` of a registration. */
export const registrationCredential = z
  .object({
    id: b64url,
    rawId: b64url,
    type: z.literal('public-key'),
    response: z.object({ clientDataJSON: b64url, attestationObject: b64url, transports: z.array(transport).optional() }),
    clientExtensionResults: z.object({}).optional(),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  })
  .meta({ id: 'OperatorRegistrationCredential' });

/** `PublicKeyCredential.toJSON()` of an assertion. */
export const authenticationCredential = z
  .object({
    id: b64url,
    rawId: b64url,
    type: z.literal('public-key'),
    response: z.object({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: b64url.optional() }),
    clientExtensionResults: z.object({}).optional(),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  })
  .meta({ id: 'OperatorAuthenticationCredential' });

/** The parsed registration as the WebAuthn library's type (built field by field, no cast). */
export function toRegistrationJSON(c: z.infer<typeof registrationCredential>): RegistrationResponseJSON {
  return {
    id: c.id,
    rawId: c.rawId,
    type: c.type,
    response: { clientDataJSON: c.response.clientDataJSON, attestationObject: c.response.attestationObject, ...(c.response.transports ? { transports: c.response.transports } : {}) },
    clientExtensionResults: {},
    ...(c.authenticatorAttachment ? { authenticatorAttachment: c.authenticatorAttachment } : {}),
  };
}

/** The parsed assertion as the WebAuthn library's type. */
export function toAuthenticationJSON(c: z.infer<typeof authenticationCredential>): AuthenticationResponseJSON {
  return {
    id: c.id,
    rawId: c.rawId,
    type: c.type,
    response: { clientDataJSON: c.response.clientDataJSON, authenticatorData: c.response.authenticatorData, signature: c.response.signature, ...(c.response.userHandle ? { userHandle: c.response.userHandle } : {}) },
    clientExtensionResults: {},
    ...(c.authenticatorAttachment ? { authenticatorAttachment: c.authenticatorAttachment } : {}),
  };
}

const email = z.string().email().max(320);
const password = z.string().min(1).max(1024);

export const signInBody = z.object({ tenantId: z.uuid().optional().describe('Omit for a platform superadmin'), email, password }).strict();
export const completeSignInBody = z.object({ mfaToken: z.string().min(10).max(200), credential: authenticationCredential }).strict();
export const registerPasskeyBody = z.object({ registrationId: z.string().min(10).max(200), credential: registrationCredential }).strict();
export const changePasswordBody = z.object({ currentPassword: password, newPassword: password }).strict();
export const createOperatorBody = z.object({ email, role: z.enum(['admin', 'operator', 'auditor']), password }).strict();
export const operatorIdParams = z.object({ operatorId: z.uuid() }).strict();
export const tenantIdParams = z.object({ tenantId: z.uuid() }).strict();

export const operatorTokens = z
  .object({ access_token: z.string(), refresh_token: z.string().nullable(), token_type: z.literal('Bearer'), expires_in: z.number().int(), scope: z.string() })
  .meta({ id: 'OperatorTokens' });

const descriptor = z.object({ id: z.string(), type: z.literal('public-key'), transports: z.array(z.string()).optional() });

/** PublicKeyCredentialRequestOptionsJSON for `navigator.credentials.get`. */
export const requestOptions = z
  .object({ challenge: z.string(), timeout: z.number().optional(), rpId: z.string().optional(), allowCredentials: z.array(descriptor).optional(), userVerification: z.string().optional() })
  .meta({ id: 'OperatorPasskeyRequestOptions' });

/** PublicKeyCredentialCreationOptionsJSON for `navigator.credentials.create`. */
export const creationOptions = z
  .object({
    rp: z.object({ name: z.string(), id: z.string().optional() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    challenge: z.string(),
    pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.literal('public-key') })),
    timeout: z.number().optional(),
    excludeCredentials: z.array(descriptor).optional(),
    authenticatorSelection: z.object({ authenticatorAttachment: z.string().optional(), residentKey: z.string().optional(), requireResidentKey: z.boolean().optional(), userVerification: z.string().optional() }).optional(),
    attestation: z.string().optional(),
  })
  .meta({ id: 'OperatorPasskeyCreationOptions' });

export const signInResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed-in'), tokens: operatorTokens }),
  z.object({ status: z.literal('mfa-required'), mfaToken: z.string(), publicKey: requestOptions }),
]);

export const operatorView = z
  .object({ id: z.uuid(), tenantId: z.uuid().nullable(), email: z.string(), role: z.enum(operatorRoles), disabled: z.boolean(), createdAt: z.string() })
  .meta({ id: 'Operator' });

export function toOperatorView(o: Operator): z.infer<typeof operatorView> {
  return { id: o.id, tenantId: o.tenantId, email: o.email, role: o.role, disabled: o.disabledAt !== null, createdAt: o.createdAt.toISOString() };
}

export function toTokenView(t: { accessToken: string; refreshToken: string | null; expiresIn: number; scope: string }): z.infer<typeof operatorTokens> {
  return { access_token: t.accessToken, refresh_token: t.refreshToken, token_type: 'Bearer', expires_in: t.expiresIn, scope: t.scope };
}
