import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors/AppError.ts';

/** Size limits for images sent to the face endpoints. */
export interface ImageLimits {
  /** Largest accepted image in bytes (after base64 decoding). Default 5 MiB. */
  readonly maxImageBytes: number;
  /** Most images one enrolment may send. Default 10. */
  readonly maxImages: number;
}

/** The defaults: 5 MiB per image, 10 images per enrolment. */
export const DEFAULT_IMAGE_LIMITS: ImageLimits = Object.freeze({ maxImageBytes: 5 * 1024 * 1024, maxImages: 10 });

/** The JSON body limit a route needs to carry `count` base64 images of the largest size. */
export function jsonBodyLimit(limits: ImageLimits, count: number): number {
  return Math.ceil((limits.maxImageBytes * count * 4) / 3) + 64 * 1024;
}

const DATA_URL = /^data:[a-z0-9.+/-]+;base64,/i;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Decodes one base64 image (standard or URL alphabet, optional `data:` URL prefix, whitespace
 * ignored). Malformed text → INVALID_BASE64; more bytes than allowed → PAYLOAD_TOO_LARGE.
 */
export function decodeBase64Image(text: string, where: string, maxBytes: number): Uint8Array {
  const s = text.replace(DATA_URL, '').replace(/\s+/g, '');
  if (s.length === 0 || !BASE64.test(s) || s.replace(/=+$/, '').length % 4 === 1) {
    throw new AppError('INVALID_BASE64', `${where} is not valid base64.`, { details: { field: where } });
  }
  if (Math.floor((s.length * 3) / 4) - 2 > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `${where} is larger than ${maxBytes} bytes.`, { details: { field: where, maxBytes } });
  }
  const bytes = Buffer.from(s, 'base64');
  if (bytes.length > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `${where} is larger than ${maxBytes} bytes.`, { details: { field: where, maxBytes } });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Files and text fields read from a multipart request. */
export interface MultipartImages {
  readonly images: Uint8Array[];
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * Reads a multipart/form-data request: files named `fileField` (more than `maxFiles` →
 * TOO_MANY_IMAGES, a file over the size limit → PAYLOAD_TOO_LARGE) and the text fields listed in
 * `textFields` (anything else → UNKNOWN_FIELD).
 */
export async function readMultipartImages(request: FastifyRequest, { fileField, maxFiles, maxImageBytes, textFields = [] }: { fileField: string; maxFiles: number; maxImageBytes: number; textFields?: readonly string[] }): Promise<MultipartImages> {
  const images: Uint8Array[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ limits: { files: maxFiles, fileSize: maxImageBytes, fields: textFields.length + 1, fieldSize: 4096, parts: maxFiles + textFields.length + 1 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== fileField && part.fieldname !== `${fileField}[]`) {
          part.file.resume();
          throw new AppError('UNKNOWN_FIELD', `Unknown file field "${part.fieldname}"; send images as "${fileField}".`);
        }
        const buf = await part.toBuffer();
        images.push(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
      } else {
        if (!textFields.includes(part.fieldname)) throw new AppError('UNKNOWN_FIELD', `Unknown field "${part.fieldname}".`);
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'FST_FILES_LIMIT') {
      throw new AppError('TOO_MANY_IMAGES', `Send at most ${maxFiles} image${maxFiles > 1 ? 's' : ''}.`, { details: { max: maxFiles }, cause: error });
    }
    throw error;
  }
  return { images, fields };
}
