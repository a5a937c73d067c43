import { z } from 'zod';
import { WebAuthnParseError } from './WebAuthnParseError.ts';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

const paymentData = z.object({
  rpId: z.string(),
  topOrigin: z.string(),
  payeeName: z.string().optional(),
  payeeOrigin: z.string().optional(),
  total: z.object({ currency: z.string(), value: z.string() }),
  instrument: z.object({ displayName: z.string(), icon: z.string() }).partial().optional(),
});

const clientDataSchema = z.object({
  type: z.string(),
  challenge: z.string().regex(BASE64URL),
  origin: z.string(),
  crossOrigin: z.boolean().optional(),
  topOrigin: z.string().optional(),
  payment: paymentData.optional(),
});

/** The Secure Payment Confirmation part of `payment.get` client data. */
export type PaymentClientData = z.infer<typeof paymentData>;

/** Collected client data (WebAuthn §5.8.1), with the SPC `payment` member when present. */
export type ClientData = z.infer<typeof clientDataSchema>;

/**
 * Decodes `clientDataJSON` (base64url of UTF-8 JSON) into typed client data. Throws
 * {@link WebAuthnParseError} (stage `clientDataJSON`) when it is not base64url, not JSON, or lacks
 * `type`, `challenge` or `origin`.
 */
export function parseClientDataJSON(encoded: string): ClientData {
  if (!BASE64URL.test(encoded) || encoded.length === 0) throw new WebAuthnParseError('clientDataJSON', 'clientDataJSON is not base64url.');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new WebAuthnParseError('clientDataJSON', 'clientDataJSON is not JSON.');
  }
  const parsed = clientDataSchema.safeParse(json);
  if (!parsed.success) throw new WebAuthnParseError('clientDataJSON', `clientDataJSON lacks or mistypes ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}.`);
  return parsed.data;
}
