export { createNpmFaceEngine, NPM_PAD_UNAVAILABLE } from './createNpmFaceEngine.ts';
export type { NpmFaceEngineOptions } from './createNpmFaceEngine.ts';
export { compareNpmTemplates, NPM_MATCH_THRESHOLD } from './compareNpmTemplates.ts';
export type { RecogniserRef, ScoreCalibration } from './compareNpmTemplates.ts';
export { assessQuality, DEFAULT_QUALITY_THRESHOLDS } from './assessQuality.ts';
export type { QualityMeasures, QualityThresholds } from './assessQuality.ts';
export { FACEAPI_RESNET_MODEL, FACERES_THRESHOLD, HUMAN_FACERES_MODEL, NPM_CALIBRATION_ID, npmCalibrations } from './npmCalibration.ts';
export { createFaceApiBaseline } from './createFaceApiBaseline.ts';
export type { FaceApiBaseline } from './createFaceApiBaseline.ts';
