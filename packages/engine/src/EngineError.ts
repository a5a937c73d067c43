/**
 * Every error code the face engine can raise, with the HTTP status a server should map it to.
 * Bad input is a 4xx; a busy engine is 503; broken model files or internal faults are 500.
 */
export const ENGINE_ERROR_STATUS = {
  /** Not an image, truncated, corrupt or zero bytes. */
  IMAGE_UNREADABLE: 400,
  /** More pixels than the configured limit (decompression-bomb guard). */
  IMAGE_TOO_LARGE: 413,
  /** Smaller than the minimum side length; no face could be measured. */
  IMAGE_TOO_SMALL: 422,
  /** Animated or multi-page image (GIF/WebP/TIFF animation, multi-page). */
  IMAGE_ANIMATED: 422,
  /** Decodable but not JPEG, PNG or WebP (e.g. SVG, GIF, TIFF, HEIF). */
  UNSUPPORTED_FORMAT: 415,
  /** The two templates were made by different models or model versions. */
  TEMPLATE_MISMATCH: 422,
  /** A template is malformed (wrong dimensions, not normalised, no vectors). */
  TEMPLATE_INVALID: 400,
  /** The worker queue is full; retry later. */
  ENGINE_BUSY: 503,
  /** The engine was closed. */
  ENGINE_CLOSED: 503,
  /** A model file is missing. */
  MODEL_MISSING: 500,
  /** A model file's SHA-256 does not match the manifest. */
  MODEL_CHECKSUM_MISMATCH: 500,
  /** A calibration file is malformed or does not fit the engine's models. */
  CALIBRATION_INVALID: 500,
  /** Inference or a worker failed unexpectedly. */
  ENGINE_INTERNAL: 500,
} as const;

/** A stable, machine-readable engine error code. */
export type EngineErrorCode = keyof typeof ENGINE_ERROR_STATUS;

/** Type guard for {@link EngineErrorCode}. */
export function isEngineErrorCode(value: unknown): value is EngineErrorCode {
  return typeof value === 'string' && Object.hasOwn(ENGINE_ERROR_STATUS, value);
}

/**
 * The one error type the engine throws. `code` is stable; `message` is for humans and may change;
 * `status` is the HTTP status the server should answer with.
 */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly code: EngineErrorCode;
  readonly status: number;

  constructor(code: EngineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ENGINE_ERROR_STATUS[code];
  }
}
