import { readFile } from 'node:fs/promises';
import { EngineError } from '../EngineError.ts';
import type { FaceCalibration } from './FaceCalibration.ts';
import { parseCalibration } from './parseCalibration.ts';

/** The calibration shipped with the package for the ONNX engine (`packages/engine/calibration/face-onnx.json`). */
export const DEFAULT_ONNX_CALIBRATION_URL = new URL('../../calibration/face-onnx.json', import.meta.url);

/**
 * Reads and validates a calibration JSON file (default: the shipped ONNX calibration).
 *
 * @throws {EngineError} CALIBRATION_INVALID when the file is missing, not JSON, or fails the schema.
 */
export async function loadCalibration(file: string | URL = DEFAULT_ONNX_CALIBRATION_URL): Promise<FaceCalibration> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new EngineError('CALIBRATION_INVALID', `Calibration file ${String(file)} cannot be read.`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new EngineError('CALIBRATION_INVALID', `Calibration file ${String(file)} is not valid JSON.`, { cause });
  }
  return parseCalibration(json);
}
