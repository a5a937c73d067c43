import { EngineError } from '@authloop/engine';
import type { EngineErrorCode } from '@authloop/engine';
import { AppError } from '../../errors/AppError.ts';
import type { ErrorCode } from '../../errors/codes.ts';

/** The API code for each engine error. Bad images are 4xx; a busy engine is SERVICE_BUSY; model faults are INTERNAL. */
const apiCode = {
  IMAGE_UNREADABLE: 'IMAGE_UNREADABLE',
  IMAGE_TOO_LARGE: 'IMAGE_TOO_LARGE',
  IMAGE_TOO_SMALL: 'IMAGE_TOO_SMALL',
  IMAGE_ANIMATED: 'IMAGE_FORMAT_UNSUPPORTED',
  UNSUPPORTED_FORMAT: 'IMAGE_FORMAT_UNSUPPORTED',
  TEMPLATE_MISMATCH: 'FACE_TEMPLATE_INCOMPATIBLE',
  TEMPLATE_INVALID: 'INTERNAL',
  ENGINE_BUSY: 'SERVICE_BUSY',
  ENGINE_CLOSED: 'FACE_ENGINE_UNAVAILABLE',
  MODEL_MISSING: 'INTERNAL',
  MODEL_CHECKSUM_MISMATCH: 'INTERNAL',
  CALIBRATION_INVALID: 'INTERNAL',
  ENGINE_INTERNAL: 'INTERNAL',
} as const satisfies Record<EngineErrorCode, ErrorCode>;

const messages: Partial<Record<ErrorCode, string>> = {
  IMAGE_UNREADABLE: 'The image cannot be decoded (not an image, truncated or corrupt).',
  IMAGE_TOO_LARGE: 'The image has more pixels than this server accepts.',
  IMAGE_TOO_SMALL: 'The image is too small to measure a face.',
  IMAGE_FORMAT_UNSUPPORTED: 'Send a still JPEG, PNG or WebP image.',
  FACE_TEMPLATE_INCOMPATIBLE: 'The stored template was made by another face model; re-enrol the subject.',
  SERVICE_BUSY: 'The face engine is busy; retry shortly.',
  FACE_ENGINE_UNAVAILABLE: 'The face engine is not running.',
};

/** The API code of an engine error code (for per-image enrolment results). */
export function apiCodeOf(code: EngineErrorCode): ErrorCode {
  return apiCode[code];
}

/** Turns an engine error into the AppError the API answers with; anything else is rethrown unchanged. */
export function toFaceAppError(error: unknown): unknown {
  if (!(error instanceof EngineError)) return error;
  const code = apiCode[error.code];
  return new AppError(code, messages[code] ?? 'The face engine failed.', {
    cause: error,
    ...(code === 'SERVICE_BUSY' ? { headers: { 'retry-after': '1' } } : {}),
  });
}
