export { AuthloopError, isAuthloopError } from './AuthloopError.ts';
export type { AuthloopErrorCode, ClientErrorCode } from './AuthloopError.ts';
export type { ErrorCode } from './errorCodes.ts';
export { createAuthloopClient } from './createAuthloopClient.ts';
export type { AuthloopClient } from './createAuthloopClient.ts';
export { createTransport } from './Transport.ts';
export type { RequestSpec, TokenProvider, Transport, TransportOptions } from './Transport.ts';
export { clientCredentials } from './clientCredentials.ts';
export { sessionTokens } from './sessionTokens.ts';
export type { SessionTokenProvider, SessionTokenState } from './sessionTokens.ts';
export { parsePrometheus } from './parsePrometheus.ts';
export type { PromSample } from './parsePrometheus.ts';
export type { SubjectsApi } from './api/subjectsApi.ts';
export type { OpsApi } from './api/opsApi.ts';
export type { MeApi } from './api/meApi.ts';
export type { OperatorsApi } from './api/operatorsApi.ts';
export type { PasskeysApi } from './api/passkeysApi.ts';
export type { AuditApi } from './api/auditApi.ts';
export type { FaceApi, FaceCallOptions, FaceImage } from './api/faceApi.ts';
export type { TransactionsApi } from './api/transactionsApi.ts';
export type { LivenessApi } from './api/livenessApi.ts';
export type { PrivacyApi } from './api/privacyApi.ts';
export type { PolicyApi } from './api/policyApi.ts';
export type { ClientsApi } from './api/clientsApi.ts';
export type { WebhooksApi } from './api/webhooksApi.ts';
export type { PlatformApi } from './api/platformApi.ts';
export type {
  ApiClient,
  ApiClientScope,
  CreateApiClientInput,
  CreatedApiClient,
  CreatedWebhookEndpoint,
  CreateTenantInput,
  CreateWebhookInput,
  FaceRekey,
  PolicyDecision,
  PolicyDecisionInput,
  Tenant,
  WebhookDelivery,
  WebhookEndpoint,
  ApprovalChallenge,
  ApprovalResult,
  ArtifactVerification,
  CreateTransactionInput,
  FaceEnrolment,
  FaceIdentification,
  FaceSettings,
  FaceStatus,
  FaceQualityCheck,
  FaceVerification,
  Transaction,
  Consent,
  CreatedLivenessSession,
  CreateLivenessSessionInput,
  ErasureReceipt,
  FactorLock,
  LivenessChallenge,
  LivenessResult,
  LivenessServerMessage,
  LivenessSession,
  LivenessSettings,
  LivenessSettingsInput,
  PolicyVersionRecord,
  SubjectExport,
  TenantPolicy,
  TenantPolicyInput,
  TenantPolicyVersion,
  ActivityQuery,
  ActivityReport,
  AuditExportQuery,
  AuditQuery,
  AuditRecord,
  AuditVerification,
  AuthenticationResponseJSON,
  CreateSubjectInput,
  Health,
  Jwk,
  ListSubjectsInput,
  Me,
  CreateOperatorInput,
  Operator,
  OperatorMe,
  OperatorPasskeyCreationOptions,
  OperatorPasskeyRequestOptions,
  OperatorSignInInput,
  OperatorSignInResult,
  OperatorTokens,
  Passkey,
  PasskeyCreationOptions,
  PasskeyRequestOptions,
  PasskeySessionTokens,
  Readiness,
  RegistrationResponseJSON,
  SessionTokens,
  Subject,
  SubjectPage,
  TokenResponse,
} from './serverTypes.ts';
