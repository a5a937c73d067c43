/**
 * @authloop/engine — the biometric engine. Face first: decode, detect, align, quality, templates,
 * passive PAD and calibrated matching, with inference in worker threads.
 */
export type {
  AnalyzeOptions, Box, DetectedFace, EngineInfo, FaceAnalysis, FaceEngine, FaceTemplate, MatchScore, PadResult, Point,
  QualityReason, QualityReport, TemplateVector,
} from './types.ts';

export { EngineError, ENGINE_ERROR_STATUS, isEngineErrorCode } from './EngineError.ts';
export type { EngineErrorCode } from './EngineError.ts';

export { createFaceEngine } from './createFaceEngine.ts';
export type { CreateFaceEngineOptions, EngineLogger, EngineSelection } from './createFaceEngine.ts';
export { createOnnxFaceEngine } from './onnx/createOnnxFaceEngine.ts';
export { onnxTemplateVersion } from './onnx/onnxTemplateVersion.ts';
export type { OnnxFaceEngine, OnnxFaceEngineOptions } from './onnx/createOnnxFaceEngine.ts';
export { createPooledNpmFaceEngine } from './pool/createPooledNpmFaceEngine.ts';
export type { PooledNpmFaceEngineOptions } from './pool/createPooledNpmFaceEngine.ts';

export { decodeImage } from './image/decodeImage.ts';
export type { DecodeLimits } from './image/decodeImage.ts';
export type { RgbImage } from './image/RgbImage.ts';
export type { QualityThresholds as OnnxQualityThresholds } from './quality/assessQuality.ts';

export { MODEL_MANIFEST, MODEL_FILES } from './models/modelManifest.ts';
export type { ModelFile, ModelKey } from './models/modelManifest.ts';
export { loadModelFiles, sha256Hex } from './models/loadModelFiles.ts';
export { fetchModels } from './models/fetchModels.ts';
export type { FetchModelsOptions, FetchModelsReport } from './models/fetchModels.ts';

export { compareTemplates } from './match/compareTemplates.ts';
export { cosineSimilarity } from './match/cosineSimilarity.ts';
export { faceCalibrationSchema } from './match/FaceCalibration.ts';
export type { FaceCalibration, FusionModel, FusionTerm, FusionFeature } from './match/FaceCalibration.ts';
export { fusionFeature } from './match/fusionFeature.ts';
export { parseCalibration } from './match/parseCalibration.ts';
export { loadCalibration, DEFAULT_ONNX_CALIBRATION_URL } from './match/loadCalibration.ts';

export { evaluateLfwVerification } from './eval/evaluateLfwVerification.ts';
export type { LfwVerificationOptions, LfwVerificationReport } from './eval/evaluateLfwVerification.ts';
export { evaluatePad, parsePadLabels, thresholdForBpcer } from './eval/evaluatePad.ts';
export type { PadEvaluationOptions, PadEvaluationReport, PadSample } from './eval/evaluatePad.ts';
export { analyzeFiles } from './eval/analyzeFiles.ts';
export type { AnalyzeFilesOptions, FileAnalysis } from './eval/analyzeFiles.ts';
export { fitFaceCalibration, specFeatures } from './eval/fitFaceCalibration.ts';
export type { TemplatePair, FusionSpec, FitFaceCalibrationOptions, FittedCalibration } from './eval/fitFaceCalibration.ts';
export { evaluateIdentification } from './eval/evaluateIdentification.ts';
export type { IdentificationOptions, IdentificationReport } from './eval/evaluateIdentification.ts';
export { renderDetSvg } from './eval/renderDetSvg.ts';
export type { DetCurve } from './eval/renderDetSvg.ts';
export { fitLogistic, predictLogistic } from './eval/fitLogistic.ts';
export type { LogisticFit } from './eval/fitLogistic.ts';
export { crossValidate, equalErrorRate, tarAtFar, rocCurve, bestThreshold, accuracyAt } from './eval/verificationMetrics.ts';
export type { ScoredPair, CrossValidation, RocPoint } from './eval/verificationMetrics.ts';
export { parseLfwPairs, lfwImageRoot } from './eval/lfwPairs.ts';
export type { LfwPair } from './eval/lfwPairs.ts';

// The npm-packaged fallback engine (src/npm) and the face-api.js baseline used by the benchmark.
export {
  createNpmFaceEngine, NPM_PAD_UNAVAILABLE, compareNpmTemplates, NPM_MATCH_THRESHOLD, assessQuality, DEFAULT_QUALITY_THRESHOLDS,
  HUMAN_FACERES_MODEL, FACEAPI_RESNET_MODEL, FACERES_THRESHOLD, npmCalibrations, createFaceApiBaseline,
} from './npm/index.ts';
export type { NpmFaceEngineOptions, RecogniserRef, ScoreCalibration, QualityMeasures, QualityThresholds, FaceApiBaseline } from './npm/index.ts';
