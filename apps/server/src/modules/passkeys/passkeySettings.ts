import { z } from 'zod';

/**
 * A tenant's WebAuthn relying-party settings, read from `tenants.settings.passkeys`:
 * - `rpId`: the RP ID (a registrable domain); default `localhost`.
 * - `rpName`: shown by authenticators; default the tenant's name.
 * - `origins`: the exact origins allowed in client data; default `http://localhost:8080`.
 * - `allowNoneAttestation`: accept `none` attestation (most passkeys); default true.
 * - `attestation`: what registration asks for (`none` or `direct`); default `none`.
 */
export interface PasskeySettings {
  readonly rpId: string;
  readonly rpName: string;
  readonly origins: readonly string[];
  readonly allowNoneAttestation: boolean;
  readonly attestation: 'none' | 'direct';
}

/** The development defaults: RP ID `localhost`, origin `http://localhost:8080`. */
export const DEFAULT_RP_ID = 'localhost';
export const DEFAULT_ORIGINS: readonly string[] = ['http://localhost:8080'];

const settingsSchema = z.object({
  rpId: z.string().min(1).max(253).optional(),
  rpName: z.string().min(1).max(200).optional(),
  origins: z.array(z.string().url()).min(1).optional(),
  allowNoneAttestation: z.boolean().optional(),
  attestation: z.enum(['none', 'direct']).optional(),
});

/** The passkey settings of a tenant from its settings object; unknown or invalid entries fall back to defaults. */
export function passkeySettings(tenant: { name: string; settings: Readonly<Record<string, unknown>> }): PasskeySettings {
  const parsed = settingsSchema.safeParse(tenant.settings['passkeys'] ?? {});
  const s = parsed.success ? parsed.data : {};
  return {
    rpId: s.rpId ?? DEFAULT_RP_ID,
    rpName: s.rpName ?? tenant.name,
    origins: s.origins ?? DEFAULT_ORIGINS,
    allowNoneAttestation: s.allowNoneAttestation ?? true,
    attestation: s.attestation ?? 'none',
  };
}
