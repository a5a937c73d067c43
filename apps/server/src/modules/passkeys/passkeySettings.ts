import { z } from 'zod';

/**
 * A tenant's WebAuthn relying-party settings, read from `tenants.settings.passkeys`:
 * - `rpId`: the RP ID (a registrable domain); default the host name of the server's public URL
 *   (`AUTHLOOP_ISSUER`, in development `http://localhost:$PORT`, so `localhost`).
 * - `rpName`: shown by authenticators; default the tenant's name.
 * - `origins`: the exact origins allowed in client data; default the origin of that URL, so the
 *   web app the server itself serves works out of the box on any port.
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

/** The relying party a tenant gets when its settings name none. */
export interface PasskeyDefaults {
  readonly rpId: string;
  readonly origins: readonly string[];
}

/** Defaults from the server's public URL: its host name as RP ID, its origin as the one allowed origin. */
export function passkeyDefaultsFor(publicUrl: string): PasskeyDefaults {
  const url = new URL(publicUrl);
  return { rpId: url.hostname, origins: [url.origin] };
}

const settingsSchema = z.object({
  rpId: z.string().min(1).max(253).optional(),
  rpName: z.string().min(1).max(200).optional(),
  origins: z.array(z.string().url()).min(1).optional(),
  allowNoneAttestation: z.boolean().optional(),
  attestation: z.enum(['none', 'direct']).optional(),
});

/** The passkey settings of a tenant from its settings object; unknown or invalid entries fall back to defaults. */
export function passkeySettings(tenant: { name: string; settings: Readonly<Record<string, unknown>> }, defaults: PasskeyDefaults): PasskeySettings {
  const parsed = settingsSchema.safeParse(tenant.settings['passkeys'] ?? {});
  const s = parsed.success ? parsed.data : {};
  return {
    rpId: s.rpId ?? defaults.rpId,
    rpName: s.rpName ?? tenant.name,
    origins: s.origins ?? defaults.origins,
    allowNoneAttestation: s.allowNoneAttestation ?? true,
    attestation: s.attestation ?? 'none',
  };
}
