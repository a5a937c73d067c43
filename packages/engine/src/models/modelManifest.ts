/** One model file the ONNX engine can load. */
export interface ModelFile {
  /** Stable model id, recorded in templates and engine info. */
  readonly id: string;
  /** Model version recorded in templates: the first 12 hex digits of the file's SHA-256. */
  readonly version: string;
  readonly role: 'detector' | 'recogniser' | 'pad';
  /** Path relative to the models directory. */
  readonly path: string;
  /** Expected SHA-256 of the file, lower-case hex. */
  readonly sha256: string;
  readonly bytes: number;
  readonly licence: string;
  /** Upstream locations tried in order by the model fetcher. */
  readonly urls: readonly string[];
}

function entry(file: Omit<ModelFile, 'version'>): ModelFile {
  return { ...file, version: file.sha256.slice(0, 12) };
}

/**
 * The model files of the ONNX face engine, with their expected SHA-256 and upstream URLs (the sources
 * listed in the shared models README). The detector is YuNet (MIT); SCRFD is deliberately absent because
 * its weights are licensed for non-commercial research only.
 */
export const MODEL_MANIFEST = {
  detector: entry({
    id: 'yunet',
    role: 'detector',
    path: 'face_detection/face_detection_yunet_2026may.onnx',
    sha256: 'ebafce4e3c118d6554634be5c27ab333b4c047a9a8c3faf1d7cf93101c22f0f0',
    bytes: 229_738,
    licence: 'MIT (YuNet, libfacedetection / OpenCV Zoo)',
    urls: [
      'https://raw.githubusercontent.com/RuDr8A/RealTime-PPE-Compliance/main/face_detection_yunet_2026may.onnx',
      'https://raw.githubusercontent.com/RuDr8A/RealTime-PPE-Compliance/master/face_detection_yunet_2026may.onnx',
    ],
  }),
  recogniser: entry({
    id: 'mobilefacenet-foamliu',
    role: 'recogniser',
    path: 'face_recognition/mobilefacenet_foamliu.onnx',
    sha256: 'b7120c095d60094f28a4a54ba6a8bf51b297a6273fb40ef6350dfec1f63d9507',
    bytes: 3_998_070,
    licence: 'Apache-2.0 (foamliu/MobileFaceNet); trained on a refined MS-Celeb-1M (research terms)',
    urls: [
      'https://raw.githubusercontent.com/foamliu/MobileFaceNet/master/weights/MobileFaceNet.onnx',
      'https://raw.githubusercontent.com/foamliu/MobileFaceNet/main/weights/MobileFaceNet.onnx',
    ],
  }),
  padV2: entry({
    id: 'minifasnet-v2',
    role: 'pad',
    path: 'anti_spoofing/2.7_80x80_MiniFASNetV2.onnx',
    sha256: '7886c41bcbcc1be00cf8700eddbd8cbd4b1ad138e69010790de2a57a3b01d7e5',
    bytes: 1_743_495,
    licence: 'Apache-2.0 (minivision-ai Silent-Face-Anti-Spoofing)',
    urls: [
      'https://raw.githubusercontent.com/PragatheeshP/Facial_recognition_Attendance_System-with-SCRFD-MobileFaceNet-MiniFASNet/main/resources/anti_spoof_models/2.7_80x80_MiniFASNetV2.onnx',
      'https://raw.githubusercontent.com/PragatheeshP/Facial_recognition_Attendance_System-with-SCRFD-MobileFaceNet-MiniFASNet/master/resources/anti_spoof_models/2.7_80x80_MiniFASNetV2.onnx',
    ],
  }),
  padV1se: entry({
    id: 'minifasnet-v1se',
    role: 'pad',
    path: 'anti_spoofing/4_0_0_80x80_MiniFASNetV1SE.onnx',
    sha256: 'e67aedf72df3e1912dbf6baa5f7406b8b30c3cb43234170a70dd9d143fea358e',
    bytes: 1_742_663,
    licence: 'Apache-2.0 (minivision-ai Silent-Face-Anti-Spoofing)',
    urls: [
      'https://raw.githubusercontent.com/PragatheeshP/Facial_recognition_Attendance_System-with-SCRFD-MobileFaceNet-MiniFASNet/main/resources/anti_spoof_models/4_0_0_80x80_MiniFASNetV1SE.onnx',
      'https://raw.githubusercontent.com/PragatheeshP/Facial_recognition_Attendance_System-with-SCRFD-MobileFaceNet-MiniFASNet/master/resources/anti_spoof_models/4_0_0_80x80_MiniFASNetV1SE.onnx',
    ],
  }),
} as const satisfies Record<string, ModelFile>;

/** Key of a model in {@link MODEL_MANIFEST}. */
export type ModelKey = keyof typeof MODEL_MANIFEST;

/** All model files, in a stable order. */
export const MODEL_FILES: readonly ModelFile[] = Object.values(MODEL_MANIFEST);
