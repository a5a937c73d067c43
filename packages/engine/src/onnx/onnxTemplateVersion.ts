import { MODEL_MANIFEST } from '../models/modelManifest.ts';

/**
 * The template version string of the ONNX recogniser: model-file hash prefix plus the pre-processing
 * that changes the vector (alignment template and flip augmentation). Vectors with different versions
 * are never compared.
 */
export function onnxTemplateVersion(flip: boolean): string {
  return `${MODEL_MANIFEST.recogniser.version}+arcface112${flip ? '+flip' : ''}`;
}
