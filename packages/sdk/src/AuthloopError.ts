import type { ErrorCode } from './errorCodes.ts';

/**
 * Codes the SDK itself raises when there is no error body from the server to read:
 * `NETWORK_ERROR` (the request never got an answer) and `UNEXPECTED_RESPONSE` (an answer that is
 * not the documented shape, e.g. an HTML page from a proxy), `STREAM_CLOSED` (a liveness stream
 * could not be opened, or closed before its result; the server's `error` message, if any, is in `details`).
 */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE' | 'STREAM_CLOSED';

/** Any code an {@link AuthloopError} can carry. */
export type AuthloopErrorCode = ErrorCode | ClientErrorCode;

/**
 * An error answer from the API (`{ error: { code, message, details? } }`), or a transport failure.
 * Identify errors by `code`, never by `message`.
 */
export class AuthloopError extends Error {
  override readonly name = 'AuthloopError';
  /** The stable UPPER_SNAKE code. */
  readonly code: AuthloopErrorCode;
  /** HTTP status, or 0 when no answer arrived. */
  readonly status: number;
  /** Extra structured information the server gave (e.g. `retryAfterS`), if any. */
  readonly details: Readonly<Record<string, unknown>> | undefined;
  /** The server's `x-request-id`, to quote in a support request. */
  readonly requestId: string | undefined;

  constructor({ code, message, status, details, requestId, cause }: { code: AuthloopErrorCode; message: string; status: number; details?: Readonly<Record<string, unknown>> | undefined; requestId?: string | undefined; cause?: unknown }) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.status = status;
    this.details = details;
    this.requestId = requestId;
  }
}

/** True when `error` is an {@link AuthloopError}, optionally with one of the given codes. */
export function isAuthloopError(error: unknown, ...codes: readonly AuthloopErrorCode[]): error is AuthloopError {
  return error instanceof AuthloopError && (codes.length === 0 || codes.includes(error.code));
}
