import { z } from 'zod';
import { faceSettingsSchema } from './faceSettings.ts';

const livenessTokenField = z
  .string()
  .min(1)
  .max(4096)
  .describe('Token of a passed liveness session (run for this subject or for none) whose best frame shows the same face; single use, 120 s');

export const livenessTokenText = livenessTokenField;

const base64Image = z.string().min(1).describe('Image bytes (JPEG, PNG or WebP) in base64; a data: URL prefix is accepted');

export const enrolJsonBody = z
  .object({ images: z.array(base64Image).min(1).describe('1–10 images of the same person'), livenessToken: livenessTokenField.optional() })
  .strict()
  .meta({ id: 'FaceEnrolRequest', description: 'Or send multipart/form-data with 1–10 files in the field "images" (and an optional text field "livenessToken").', example: { images: ['/9j/4AAQSkZJRgABAQ…', '/9j/4AAQ…', '/9j/4AAQ…'] } });

export const verifyJsonBody = z
  .object({ image: base64Image, livenessToken: livenessTokenField.optional() })
  .strict()
  .meta({ id: 'FaceVerifyRequest', description: 'Or send multipart/form-data with one file in the field "image" (and an optional text field "livenessToken").', example: { image: '/9j/4AAQSkZJRgABAQ…' } });

export const qualityCheckJsonBody = z
  .object({ image: base64Image })
  .strict()
  .meta({ id: 'FaceQualityCheckRequest', description: 'Or send multipart/form-data with one file in the field "image". A camera frame, ideally ≤ 640 px on its long side.', example: { image: '/9j/4AAQSkZJRgABAQ…' } });

export const identifyJsonBody = z
  .object({ image: base64Image, topK: z.number().int().min(1).max(20).default(3).describe('Most candidates to return') })
  .strict()
  .meta({ id: 'FaceIdentifyRequest', description: 'Or send multipart/form-data with one file "image" and an optional field "topK".', example: { image: '/9j/4AAQSkZJRgABAQ…', topK: 3 } });

export const topKField = z.coerce.number().int().min(1).max(20);

const imageResult = z.object({
  index: z.number().int().describe('Position of the image in the request'),
  accepted: z.boolean(),
  reasons: z.array(z.string()).describe('Why it was refused, or advisory quality notes'),
  quality: z.number().nullable().describe('Engine quality 0..1, null when the image could not be analysed'),
});

export const enrolResponse = z
  .object({
    subjectId: z.uuid(),
    enrolledAt: z.iso.datetime(),
    sampleCount: z.number().int(),
    replaced: z.boolean().describe('A previous enrolment was replaced'),
    images: z.array(imageResult),
    liveness: z.object({ decision: z.literal('live'), source: z.literal('session'), sessionId: z.uuid() }).optional().describe('Present when a liveness token was spent'),
  })
  .meta({ id: 'FaceEnrolment' });

const quality = z.object({ score: z.number(), acceptable: z.boolean(), reasons: z.array(z.string()) });
const liveness = z.object({
  score: z.number().nullable().describe("The probe's passive PAD score"),
  decision: z.enum(['live', 'spoof', 'unavailable']),
  source: z.enum(['pad', 'session']).describe('pad: the probe\'s passive PAD; session: a passed liveness session (livenessToken)'),
  sessionId: z.uuid().optional().describe('The liveness session whose token was spent'),
});

export const verifyResponse = z
  .object({
    match: z.boolean(),
    score: z.number().describe('Calibrated similarity 0..1'),
    threshold: z.number().describe('The threshold this subject is judged by'),
    quality,
    liveness,
    reason: z.enum(['MATCH', 'NO_MATCH', 'LOW_QUALITY', 'SPOOF_SUSPECTED', 'LIVENESS_NOT_CONFIRMED']),
  })
  .meta({ id: 'FaceVerification', example: { match: true, score: 0.93, threshold: 0.5, quality: { score: 0.82, acceptable: true, reasons: [] }, liveness: { score: 0.97, decision: 'live' }, reason: 'MATCH' } });

const fraction = z.number().min(0).max(1);
export const qualityCheckResponse = z
  .object({
    width: z.number().int().describe('Image width in pixels (after EXIF orientation)'),
    height: z.number().int(),
    faceCount: z.number().int().describe('Faces found'),
    face: z
      .object({ box: z.object({ x: fraction, y: fraction, width: fraction, height: fraction }).describe('Fractions of the image, origin top left'), confidence: z.number() })
      .nullable()
      .describe('The main face, null when none was found'),
    quality,
  })
  .meta({ id: 'FaceQualityCheck', example: { width: 640, height: 480, faceCount: 1, face: { box: { x: 0.38, y: 0.3, width: 0.16, height: 0.22 }, confidence: 0.97 }, quality: { score: 0.41, acceptable: false, reasons: ['FACE_TOO_SMALL'] } } });

export const identifyResponse = z
  .object({
    candidates: z.array(z.object({ subjectId: z.uuid(), externalId: z.string(), score: z.number() })).describe('Best first, each above the threshold'),
    searched: z.number().int().describe('Templates searched'),
    threshold: z.number(),
    quality,
    liveness,
    reason: z.enum(['CANDIDATES_FOUND', 'NO_CANDIDATE', 'SPOOF_SUSPECTED', 'LIVENESS_NOT_CONFIRMED']),
  })
  .meta({ id: 'FaceIdentification' });

export const statusResponse = z
  .object({
    subjectId: z.uuid(),
    engine: z.string(),
    model: z.string(),
    enrolledAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    sampleCount: z.number().int(),
    samples: z.array(z.object({ addedAt: z.string(), source: z.enum(['enrol', 'adaptive']), quality: z.number() })),
    state: z.enum(['active', 'locked', 'disabled']),
    retryAfterS: z.number().int().nullable(),
  })
  .meta({ id: 'FaceEnrolmentStatus' });

export const rekeyResponse = z.object({ rekeyed: z.number().int(), keyId: z.string() }).meta({ id: 'FaceRekey' });

export { faceSettingsSchema };
