import { z } from 'zod';

const b64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'must be base64url without padding');
const transport = z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);

/**
 * `PublicKeyCredential.toJSON()` of `navigator.credentials.create()` (or @simplewebauthn/browser's
 * `startRegistration`). Extra members browsers add are ignored.
 */
export const registrationResponse = z
  .object({
    id: b64url.min(1).max(1366),
    rawId: b64url.min(1).max(1366),
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: b64url.min(1).max(16_384),
      attestationObject: b64url.min(1).max(65_536),
      transports: z.array(z.string()).max(10).optional(),
    }),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
    clientExtensionResults: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'RegistrationResponse' });

/**
 * `PublicKeyCredential.toJSON()` of `navigator.credentials.get()` or of a Secure Payment Confirmation
 * (`payment.get`) response. Extra members browsers add are ignored.
 */
export const authenticationResponse = z
  .object({
    id: b64url.min(1).max(1366),
    rawId: b64url.min(1).max(1366),
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: b64url.min(1).max(16_384),
      authenticatorData: b64url.min(1).max(16_384),
      signature: b64url.min(1).max(2048),
      userHandle: b64url.max(128).nullable().optional(),
    }),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).nullable().optional(),
    clientExtensionResults: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'AuthenticationResponse' });

export type RegistrationResponseInput = z.infer<typeof registrationResponse>;
export type AuthenticationResponseInput = z.infer<typeof authenticationResponse>;

const credentialDescriptor = z.object({ id: b64url, type: z.literal('public-key'), transports: z.array(transport).optional() });

const extensionsInput = z.object({
  appid: z.string().optional(),
  credProps: z.boolean().optional(),
  hmacCreateSecret: z.boolean().optional(),
  minPinLength: z.boolean().optional(),
  payment: z.object({ isPayment: z.boolean() }).optional().describe('Secure Payment Confirmation registration'),
});

/** Options for `navigator.credentials.create({ publicKey })` (JSON form; decode with `PublicKeyCredential.parseCreationOptionsFromJSON`). */
export const creationOptions = z
  .object({
    rp: z.object({ id: z.string().optional(), name: z.string() }),
    user: z.object({ id: b64url, name: z.string(), displayName: z.string() }),
    challenge: b64url,
    pubKeyCredParams: z.array(z.object({ alg: z.number().int(), type: z.literal('public-key') })),
    timeout: z.number().int().optional(),
    excludeCredentials: z.array(credentialDescriptor).optional(),
    authenticatorSelection: z
      .object({
        authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
        residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
        requireResidentKey: z.boolean().optional(),
        userVerification: z.enum(['discouraged', 'preferred', 'required']).optional(),
      })
      .optional(),
    attestation: z.enum(['direct', 'enterprise', 'indirect', 'none']).optional(),
    extensions: extensionsInput.optional(),
    hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional(),
  })
  .meta({ id: 'PublicKeyCredentialCreationOptions' });

/** Options for `navigator.credentials.get({ publicKey })` (JSON form; decode with `PublicKeyCredential.parseRequestOptionsFromJSON`). */
export const requestOptions = z
  .object({
    challenge: b64url,
    rpId: z.string().optional(),
    timeout: z.number().int().optional(),
    allowCredentials: z.array(credentialDescriptor).optional(),
    userVerification: z.enum(['discouraged', 'preferred', 'required']).optional(),
    extensions: extensionsInput.optional(),
    hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional(),
  })
  .meta({ id: 'PublicKeyCredentialRequestOptions' });

/** A registered passkey as the API shows it (never the public key). */
export const passkeyView = z
  .object({
    id: z.uuid().describe('Authloop id of this passkey (use it to rename or revoke)'),
    credentialId: b64url.describe('WebAuthn credential id'),
    name: z.string(),
    aaguid: z.string().describe('Authenticator model (AAGUID); all zeros when not attested'),
    attestationFormat: z.string(),
    deviceType: z.enum(['singleDevice', 'multiDevice']),
    backedUp: z.boolean(),
    transports: z.array(z.string()),
    signCount: z.number().int(),
    flagged: z.boolean().describe('True when a sign counter went backwards: the credential may be cloned and is refused'),
    revoked: z.boolean(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Passkey' });

export const registrationOptionsBody = z
  .object({
    payment: z.boolean().default(false).describe('Register the credential for Secure Payment Confirmation (adds the `payment` extension)'),
  })
  .strict()
  .default({ payment: false });

export const registrationVerifyBody = z
  .object({
    credential: registrationResponse,
    name: z.string().min(1).max(100).optional().describe('A name the person recognises, e.g. "Work laptop"'),
  })
  .strict();

export const authenticationOptionsBody = z
  .object({
    tenantId: z.uuid().describe('The tenant (bank) signing in'),
    subjectId: z.uuid().optional().describe('When known: limit to this subject’s passkeys (allowCredentials). Omit for username-less sign-in.'),
  })
  .strict();

export const authenticationVerifyBody = z.object({ tenantId: z.uuid(), credential: authenticationResponse }).strict();

export const renameBody = z.object({ name: z.string().min(1).max(100) }).strict();

export const passkeyIdParams = z.object({ passkeyId: z.uuid() }).strict();
export const subjectPasskeyParams = z.object({ subjectId: z.uuid(), passkeyId: z.uuid() }).strict();

export const sessionTokens = z
  .object({
    access_token: z.string(),
    refresh_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    scope: z.string(),
    subject_id: z.uuid(),
    passkey_id: z.uuid(),
  })
  .meta({ id: 'PasskeySessionTokens' });
