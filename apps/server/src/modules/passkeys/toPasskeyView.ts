import type { z } from 'zod';
import type { PasskeyCredential } from './credentialRepository.ts';
import type { passkeyView } from './schema.ts';

/** The public view of a passkey (no public key, no subject id). */
export function toPasskeyView(c: PasskeyCredential): z.infer<typeof passkeyView> {
  return {
    id: c.id,
    credentialId: c.credentialId,
    name: c.name,
    aaguid: c.aaguid,
    attestationFormat: c.attestationFormat,
    deviceType: c.deviceType,
    backedUp: c.backedUp,
    transports: [...c.transports],
    signCount: c.signCount,
    flagged: c.flaggedAt !== null,
    revoked: c.revokedAt !== null,
    createdAt: c.createdAt.toISOString(),
    lastUsedAt: c.lastUsedAt === null ? null : c.lastUsedAt.toISOString(),
  };
}
