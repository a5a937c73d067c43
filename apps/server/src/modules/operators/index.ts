export { operatorService } from './operatorService.ts';
export type { OperatorService, OperatorTokens, SignInResult } from './operatorService.ts';
export { operatorRoutes } from './routes.ts';
export { platformRoutes } from './platformRoutes.ts';
export { checkPassword, MIN_LENGTH_SINGLE_FACTOR, MIN_LENGTH_WITH_MFA, MAX_LENGTH } from './checkPassword.ts';
export type { PasswordCheck, PasswordRejection } from './checkPassword.ts';
export { operatorRoles, scopesForRole, PLATFORM_TENANT } from './roles.ts';
export type { OperatorRole, TenantRole } from './roles.ts';
export { operatorRelyingParty, operatorWebAuthn } from './operatorWebAuthn.ts';
