import { EngineError } from '../EngineError.ts';
import { faceCalibrationSchema, type FaceCalibration } from './FaceCalibration.ts';

/**
 * Validates an untrusted calibration object (e.g. parsed JSON).
 *
 * @throws {EngineError} CALIBRATION_INVALID listing the first problems.
 */
export function parseCalibration(value: unknown): FaceCalibration {
  const parsed = faceCalibrationSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new EngineError('CALIBRATION_INVALID', `Invalid face calibration: ${issues}`);
  }
  return parsed.data;
}
