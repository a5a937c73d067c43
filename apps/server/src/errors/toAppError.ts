import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './AppError.ts';

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  validationContext?: unknown;
}

/**
 * The single boundary that turns anything thrown into an {@link AppError}. Known framework errors
 * map to precise codes; everything else becomes INTERNAL with a generic message (the original is
 * logged, never sent).
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return fromValidation(error);
  const e = (typeof error === 'object' && error !== null ? error : {}) as FastifyLikeError;
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('INVALID_JSON', 'The request body is not valid JSON.', { cause: error });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'This endpoint does not accept that Content-Type.', { cause: error });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is larger than this endpoint accepts.', { cause: error });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('VALIDATION_FAILED', 'Content-Length does not match the body.', { cause: error });
    default:
      break;
  }
  if (error instanceof SyntaxError && e.statusCode === 400) return new AppError('INVALID_JSON', 'The request body is not valid JSON.', { cause: error });
  if (typeof e.statusCode === 'number' && e.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is larger than this endpoint accepts.', { cause: error });
  if (typeof e.statusCode === 'number' && e.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'This endpoint does not accept that Content-Type.', { cause: error });
  return new AppError('INTERNAL', 'An unexpected error occurred. It has been logged.', { cause: error });
}

interface ValidationEntry {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: readonly string[] };
}

function fromValidation(error: { validation: readonly ValidationEntry[]; validationContext?: string }): AppError {
  const where = error.validationContext ?? 'body';
  const issues = error.validation.map((v) => ({
    path: (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.'),
    code: v.keyword ?? 'invalid',
    message: v.message ?? 'invalid',
    keys: v.params?.keys,
  }));
  const details = { location: where, issues: issues.map((i) => ({ path: i.path, code: i.code, message: i.message, ...(i.keys ? { keys: i.keys } : {}) })) };
  if (issues.every((i) => i.code === 'unrecognized_keys')) {
    const keys = issues.flatMap((i) => i.keys ?? []);
    return new AppError('UNKNOWN_FIELD', `Unknown field${keys.length > 1 ? 's' : ''} in ${where}: ${keys.join(', ')}.`, { details });
  }
  if (issues.every((i) => i.code === 'invalid_type' && /received undefined/.test(i.message))) {
    const paths = issues.map((i) => i.path || where);
    return new AppError('MISSING_FIELD', `Missing required field${paths.length > 1 ? 's' : ''} in ${where}: ${paths.join(', ')}.`, { details });
  }
  const first = issues.find((i) => i.code !== 'unrecognized_keys') ?? issues[0];
  const msg = first === undefined ? `Invalid ${where}.` : `Invalid ${where}${first.path ? ` field "${first.path}"` : ''}: ${first.message}`;
  return new AppError('INVALID_FIELD', msg, { details });
}
