/**
 * Request and response types of the API, inferred from the server's own zod schemas. Type-only
 * imports: the SDK bundle carries none of the server's code. Where a server module keeps a schema
 * private to its routes file, the type is written here and says which schema it mirrors.
 */
import type { z } from 'zod';
import type { enrolResponse, identifyResponse, qualityCheckResponse, rekeyResponse, statusResponse, verifyResponse } from '../../../apps/server/src/modules/face/schema.ts';
import type { faceSettingsSchema } from '../../../apps/server/src/modules/face/faceSettings.ts';
import type { approvalChallengeView, approvalResult, artifactVerification, createTransactionBody, transactionView } from '../../../apps/server/src/modules/transactions/schema.ts';
import type { activityQuery, activityReportView } from '../../../apps/server/src/modules/activity/schema.ts';
import type { auditExportQuery, auditQuery, auditRecordView, verificationView } from '../../../apps/server/src/modules/audit/schema.ts';
import type { authenticationResponse, creationOptions, passkeyView, registrationResponse, requestOptions, sessionTokens as passkeySessionTokens } from '../../../apps/server/src/modules/passkeys/schema.ts';
import type { createSubjectBody, listSubjectsQuery, subjectView } from '../../../apps/server/src/modules/subjects/schema.ts';
import type { challengeType, createdSessionView, createSessionBody, sessionView as livenessSessionView } from '../../../apps/server/src/modules/liveness/schema.ts';
import type { livenessSettingsSchema } from '../../../apps/server/src/modules/liveness/livenessSettings.ts';
import type { serverMessage } from '../../../apps/server/src/modules/liveness/streamMessages.ts';
import type { createOperatorBody, creationOptions as operatorCreationOptions, operatorTokens, operatorView, requestOptions as operatorRequestOptions, signInBody as operatorSignInBody, signInResponse as operatorSignInResponse } from '../../../apps/server/src/modules/operators/schema.ts';
import type { policySchema } from '../../../apps/server/src/modules/policy/policySchema.ts';
import type { decisionBody, decisionView } from '../../../apps/server/src/modules/policy/schema.ts';
import type { clientView, createClientBody, createdClientView } from '../../../apps/server/src/modules/clients/schema.ts';
import type { createdEndpointView, createEndpointBody, deliveryView, endpointView } from '../../../apps/server/src/modules/webhooks/schema.ts';
import type { createTenantBody, tenantView } from '../../../apps/server/src/modules/operators/platformSchema.ts';

/**
 * A zod output type as it arrives over JSON: an optional member is absent, never `undefined`
 * (this matters under `exactOptionalPropertyTypes`).
 */
export type Json<T> = T extends readonly (infer U)[] ? Json<U>[] : T extends Record<string, unknown> ? { [K in keyof T]: Json<Exclude<T[K], undefined>> } : T;

/** A subject: a person a tenant authenticates. */
export type Subject = Json<z.output<typeof subjectView>>;
/** Body of `POST /v1/subjects`. */
export type CreateSubjectInput = z.input<typeof createSubjectBody>;
/** Query of `GET /v1/subjects`. */
export type ListSubjectsInput = z.input<typeof listSubjectsQuery>;
/** A page of subjects. */
export interface SubjectPage {
  readonly items: Subject[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Answer of `POST /oauth/token` (mirrors `tokenResponse` in `modules/auth/oauthRoutes.ts`). */
export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  /** Seconds until the access token expires. */
  readonly expires_in: number;
  readonly scope: string;
  readonly refresh_token?: string;
}

/** Answer of `POST /v1/subjects/{id}/sessions` (mirrors `tokenPair` in `modules/subjects/routes.ts`). */
export interface SessionTokens {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly token_type: 'Bearer';
  /** Seconds until the access token expires. */
  readonly expires_in: number;
  readonly scope: string;
}

/** `GET /health` (mirrors `modules/ops/routes.ts`). */
export interface Health {
  readonly status: 'ok';
  readonly version: string;
}
/** `GET /ready` (mirrors `modules/ops/routes.ts`). */
export interface Readiness {
  readonly status: 'ready';
  /** `pglite` or `postgres`. */
  readonly database: string;
}
/** One public key of `GET /.well-known/jwks.json`. */
export interface Jwk {
  readonly kty: string;
  readonly crv?: string;
  readonly x?: string;
  readonly kid?: string;
  readonly alg?: string;
  readonly use?: string;
}

/** `GET /v1/me`: who an access token belongs to (mirrors `meView` in `modules/auth/meRoutes.ts`). */
export interface Me {
  readonly kind: 'client' | 'subject' | 'operator';
  readonly tenantId: string;
  readonly id: string;
  readonly scopes: string[];
}

/** A registered passkey (never its public key). */
export type Passkey = Json<z.output<typeof passkeyView>>;
/** Options for `navigator.credentials.create` in JSON form. */
export type PasskeyCreationOptions = Json<z.output<typeof creationOptions>>;
/** Options for `navigator.credentials.get` in JSON form. */
export type PasskeyRequestOptions = Json<z.output<typeof requestOptions>>;
/** `PublicKeyCredential.toJSON()` of a registration. */
export type RegistrationResponseJSON = z.input<typeof registrationResponse>;
/** `PublicKeyCredential.toJSON()` of an authentication (or a Secure Payment Confirmation). */
export type AuthenticationResponseJSON = z.input<typeof authenticationResponse>;
/** Session tokens from a passkey sign-in, with the subject and passkey used. */
export type PasskeySessionTokens = Json<z.output<typeof passkeySessionTokens>>;

/** One audit record, hashes included so the chain can be re-checked. */
export type AuditRecord = Json<z.output<typeof auditRecordView>>;
/** Query of `GET /v1/audit/events`. */
export type AuditQuery = z.input<typeof auditQuery>;
/** Filters of `GET /v1/audit/export` plus its format. */
export type AuditExportQuery = z.input<typeof auditExportQuery>;
/** Result of `GET /v1/audit/verify`. */
export type AuditVerification = Json<z.output<typeof verificationView>>;
/** Query of `GET /v1/ops/activity` (`days` 1–90, default 14). */
export type ActivityQuery = z.input<typeof activityQuery>;
/** Answer of `GET /v1/ops/activity`: attempts per UTC day by action and outcome, and liveness results. */
export type ActivityReport = Json<z.output<typeof activityReportView>>;

/** Answer of a face enrolment: per-image results and the stored sample count. */
export type FaceEnrolment = Json<z.output<typeof enrolResponse>>;
/** Answer of a 1:1 face verification (a non-match is a normal answer). */
export type FaceVerification = Json<z.output<typeof verifyResponse>>;
/** The face box (fractions of the image) and quality gates of one camera frame (`POST /v1/face/quality`). */
export type FaceQualityCheck = Json<z.output<typeof qualityCheckResponse>>;
/** Answer of a 1:N identification. */
export type FaceIdentification = Json<z.output<typeof identifyResponse>>;
/** Enrolment metadata and lockout state (never the template). */
export type FaceStatus = Json<z.output<typeof statusResponse>>;
/** The tenant's face settings. */
export type FaceSettings = Json<z.output<typeof faceSettingsSchema>>;

/** Body of `POST /v1/transactions`. */
export type CreateTransactionInput = z.input<typeof createTransactionBody>;
/** A payment to approve. */
export type Transaction = Json<z.output<typeof transactionView>>;
/** What the person signs: WebAuthn options whose challenge binds amount and payee, and SPC data. */
export type ApprovalChallenge = Json<z.output<typeof approvalChallengeView>>;
/** An approved transaction with its signed approval artefact (compact JWS). */
export type ApprovalResult = Json<z.output<typeof approvalResult>>;
/** Result of verifying an approval artefact (a refusal is `valid: false` with a reason). */
export type ArtifactVerification = Json<z.output<typeof artifactVerification>>;

/** One active-liveness challenge: `blink`, `smile`, `turn_left`, `turn_right`, `nod`, `look_up`. */
export type LivenessChallenge = z.output<typeof challengeType>;
/** Body of `POST /v1/liveness/sessions`. */
export type CreateLivenessSessionInput = z.input<typeof createSessionBody>;
/** A liveness session: its challenges, state and (when finished) result. */
export type LivenessSession = Json<z.output<typeof livenessSessionView>>;
/** A new liveness session with its single-use stream ticket and the stream's path. */
export type CreatedLivenessSession = Json<z.output<typeof createdSessionView>>;
/** A JSON message the server sends on the liveness stream (a discriminated union on `type`). */
export type LivenessServerMessage = Json<z.output<typeof serverMessage>>;
/** The final `result` message of a liveness stream; `livenessToken` is set when it passed. */
export type LivenessResult = Extract<LivenessServerMessage, { type: 'result' }>;

/** A tenant's liveness settings: the challenge types sessions draw from and how many (`minCount`..`maxCount`). */
export type LivenessSettings = Json<z.output<typeof livenessSettingsSchema>>;
/** What `PUT /v1/liveness/settings` accepts (omitted fields take defaults). */
export type LivenessSettingsInput = z.input<typeof livenessSettingsSchema>;
/** The tenant's policy: factors per action, payment rules, thresholds, lockout, liveness, risk, privacy. */
export type TenantPolicy = Json<z.output<typeof policySchema>>;
/** What `PUT /v1/policy` accepts (defaults filled in by the server). */
export type TenantPolicyInput = z.input<typeof policySchema>;
/** The current policy with its version number. */
export interface TenantPolicyVersion {
  readonly version: number;
  readonly policy: TenantPolicy;
}
/** One stored policy version (`GET /v1/policy/versions`). */
export interface PolicyVersionRecord {
  readonly version: number;
  readonly createdAt: string;
  readonly actorType: string;
  readonly actorId: string | null;
  readonly policy: unknown;
}
/** A locked factor of a subject (mirrors `GET /v1/subjects/{id}/locks` in `modules/policy/routes.ts`). */
export interface FactorLock {
  readonly factor: string;
  readonly lockedAt: string;
  /** Null: locked until an operator unlocks it. */
  readonly lockedUntil: string | null;
}

/** A consent record (mirrors `consentView` in `modules/privacy/routes.ts`). */
export interface Consent {
  readonly id: string;
  /** What it covers, e.g. `face`. */
  readonly purpose: string;
  readonly noticeVersion: string;
  readonly grantedAt: string;
  readonly withdrawnAt: string | null;
  readonly actorType: string;
  readonly actorId: string | null;
}
/** Everything held about a subject, never templates (mirrors `exportView` in `modules/privacy/routes.ts`). */
export interface SubjectExport {
  readonly exportedAt: string;
  readonly subject: { readonly id: string; readonly externalId: string; readonly displayName: string | null; readonly createdAt: string };
  readonly consents: Record<string, unknown>[];
  /** Per source (`face_templates`, `passkey_credentials`, …): metadata rows. */
  readonly data: Record<string, Record<string, unknown>[]>;
  readonly subjectKey: { readonly keyId: string } | null;
  /** Audit entries about the subject (by pseudonym): the person's activity. */
  readonly audit: Record<string, unknown>[];
}
/** What an erasure removed, per source, and whether the subject's key was destroyed. */
export interface ErasureReceipt {
  readonly erased: Record<string, number>;
  readonly keyDestroyed: boolean;
}

/** An operator (admin, operator, auditor or platform superadmin); mirrors `operatorView` in `modules/operators/schema.ts`. */
export type Operator = Json<z.output<typeof operatorView>>;
/** `GET /v1/operators/me`: the signed-in operator and whether they have a passkey (second factor). */
export type OperatorMe = Operator & { readonly hasPasskey: boolean };
/** Body of `POST /v1/operators/sign-in`. */
export type OperatorSignInInput = z.input<typeof operatorSignInBody>;
/** Answer of `POST /v1/operators/sign-in`: tokens, or a passkey step (`mfa-required`). */
export type OperatorSignInResult = Json<z.output<typeof operatorSignInResponse>>;
/** An operator session's tokens (`refresh_token` is null when the server issues none). */
export type OperatorTokens = Json<z.output<typeof operatorTokens>>;
/** PublicKeyCredentialRequestOptionsJSON for an operator's passkey step. */
export type OperatorPasskeyRequestOptions = Json<z.output<typeof operatorRequestOptions>>;
/** PublicKeyCredentialCreationOptionsJSON for registering an operator passkey. */
export type OperatorPasskeyCreationOptions = Json<z.output<typeof operatorCreationOptions>>;
/** Body of `POST /v1/operators`. */
export type CreateOperatorInput = z.input<typeof createOperatorBody>;

/** An API client of the tenant (never its secret). */
export type ApiClient = Json<z.output<typeof clientView>>;
/** Body of `POST /v1/clients`: a name and scopes the caller itself holds. */
export type CreateApiClientInput = z.input<typeof createClientBody>;
/** A new API client with its secret, answered once. */
export type CreatedApiClient = Json<z.output<typeof createdClientView>>;
/** A scope an API client can hold (`subjects:read`, `transactions:write`, …). */
export type ApiClientScope = ApiClient['scopes'][number];

/** A webhook endpoint: its URL and the event patterns it receives. */
export type WebhookEndpoint = Json<z.output<typeof endpointView>>;
/** Body of `POST /v1/webhooks`. */
export type CreateWebhookInput = z.input<typeof createEndpointBody>;
/** A new webhook endpoint with its signing secret, answered once. */
export type CreatedWebhookEndpoint = Json<z.output<typeof createdEndpointView>>;
/** One delivery of an event to an endpoint and its status. */
export type WebhookDelivery = Json<z.output<typeof deliveryView>>;

/** A tenant, as platform superadmins see it. */
export type Tenant = Json<z.output<typeof tenantView>>;
/** Body of `POST /v1/platform/tenants`. */
export type CreateTenantInput = z.input<typeof createTenantBody>;

/** Answer of `POST /v1/face/rekey`: how many templates were re-encrypted, under which key. */
export type FaceRekey = Json<z.output<typeof rekeyResponse>>;

/** Body of `POST /v1/subjects/{id}/decisions`: the attempt to decide on. */
export type PolicyDecisionInput = z.input<typeof decisionBody>;
/** What an attempt needs: outcome, factors, the rule that decided, and the risk behind it. */
export type PolicyDecision = Json<z.output<typeof decisionView>>;
