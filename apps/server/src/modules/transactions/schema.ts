import { z } from 'zod';
import { authenticationResponse, requestOptions } from '../passkeys/schema.ts';
import { factors } from './Factor.ts';

export const transactionIdParams = z.object({ transactionId: z.uuid() }).strict();

export const createTransactionBody = z
  .object({
    subjectId: z.uuid().describe('The person who must approve'),
    amount: z
      .string()
      .max(24)
      .describe('Positive decimal string in major units with at most the currency’s minor-unit decimals (ISO 4217), e.g. "1250.00" EUR, "1250" JPY. Answered in canonical form with exactly that many decimals.'),
    currency: z.string().describe('ISO 4217 code, e.g. EUR'),
    payee: z.object({ name: z.string().min(1).max(140), account: z.string().min(1).max(64).describe('IBAN or account number') }).strict(),
    reference: z.string().min(1).max(140).describe("The bank's own reference for this payment"),
    expiresInS: z.number().int().min(30).max(86_400).optional().describe('Seconds to wait for approval; default tenants.settings.transactions.ttlS (300)'),
  })
  .strict()
  .meta({ id: 'CreateTransaction', example: { subjectId: '6f1c2f8e-0000-4000-8000-000000000001', amount: '1250.00', currency: 'EUR', payee: { name: 'ACME Ltd', account: 'DE89370400440532013000' }, reference: 'INV-2026-0042' } });

export const transactionView = z
  .object({
    id: z.uuid(),
    subjectId: z.uuid(),
    status: z.enum(['pending', 'approved', 'declined', 'cancelled', 'expired']),
    amount: z.string(),
    currency: z.string(),
    payee: z.object({ name: z.string(), account: z.string() }),
    reference: z.string(),
    requires: z.array(z.enum(factors)).describe('Factors approval needs, from the tenant policy (actions.approvePayment, risk step-up, liveness); `passkey` always. `face` and `liveness` are both given by one liveness token (factors.face.token)'),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    factors: z.array(z.enum(factors)).nullable().describe('Factors used to approve'),
    artifact: z.string().nullable().describe('The approval artefact (compact JWS) once approved'),
  })
  .meta({ id: 'Transaction' });

export const approvalChallengeView = z
  .object({
    transaction: transactionView,
    publicKey: requestOptions.describe('Options for navigator.credentials.get(); the challenge is the dynamic-linking hash'),
    dynamicLinking: z.object({
      algorithm: z.literal('SHA-256'),
      nonce: z.string().describe('Server nonce (base64url), part of the hash input'),
      hashInput: z.string().describe('The canonical JSON whose SHA-256 (base64url) is the challenge'),
    }),
    securePaymentConfirmation: z
      .object({
        rpId: z.string(),
        credentialIds: z.array(z.string()),
        challenge: z.string(),
        payeeName: z.string(),
        total: z.object({ currency: z.string(), value: z.string() }),
        timeout: z.number().int(),
      })
      .describe('Data for a PaymentRequest with the "secure-payment-confirmation" method (add your own instrument display name and icon)'),
  })
  .meta({ id: 'ApprovalChallenge' });

export const approveBody = z
  .object({
    credential: authenticationResponse,
    factors: z
      .object({ face: z.object({ token: z.string().min(1).max(8192) }).strict().optional().describe('The livenessToken of a passed liveness session created for this subject (single use, 120 s); gives `liveness`, and `face` when its best frame matches the subject’s enrolled face') })
      .strict()
      .optional(),
  })
  .strict();

export const approvalResult = z.object({ transaction: transactionView, artifact: z.string() }).meta({ id: 'ApprovalResult' });

export const verifyArtifactBody = z.object({ artifact: z.string().min(1).max(16_384) }).strict();

export const artifactVerification = z
  .object({
    valid: z.boolean(),
    reason: z.string().optional().describe('Why it is not valid (TOKEN_* code, ARTIFACT_WRONG_TYPE or ARTIFACT_TRANSACTION_MISMATCH)'),
    kid: z.string().optional(),
    transactionStatus: z.enum(['pending', 'approved', 'declined', 'cancelled', 'expired']),
    claims: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'ArtifactVerification' });
