/**
 * Every error code the API answers with, and its HTTP status. The compiler checks the table is
 * complete; the OpenAPI document and the SDK list the same codes. Modules add theirs here.
 */
export const errorStatus = {
  // Request shape
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  UNKNOWN_FIELD: 400,
  MISSING_FIELD: 400,
  INVALID_FIELD: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  // Authentication and authorisation
  UNAUTHENTICATED: 401,
  TOKEN_MALFORMED: 401,
  TOKEN_ALG_NOT_ALLOWED: 401,
  TOKEN_UNKNOWN_KEY: 401,
  TOKEN_BAD_SIGNATURE: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_CLAIMS_INVALID: 401,
  TOKEN_REVOKED: 401,
  INSUFFICIENT_SCOPE: 403,
  FORBIDDEN: 403,
  // OAuth 2.0 token endpoint (RFC 6749 §5.2 names, upper-cased)
  INVALID_CLIENT: 401,
  INVALID_GRANT: 400,
  UNSUPPORTED_GRANT_TYPE: 400,
  INVALID_SCOPE: 400,
  REFRESH_TOKEN_REUSED: 401,
  // Domain
  SUBJECT_NOT_FOUND: 404,
  SUBJECT_EXISTS: 409,
  TENANT_NOT_FOUND: 404,
  CLIENT_NOT_FOUND: 404,
  // Platform
  NOT_READY: 503,
  SERVICE_BUSY: 503,
  INTERNAL: 500,
} as const satisfies Record<string, number>;

/** A stable, documented error code. */
export type ErrorCode = keyof typeof errorStatus;

/** All codes, for documentation and the SDK. */
export const errorCodes = Object.keys(errorStatus) as ErrorCode[];
