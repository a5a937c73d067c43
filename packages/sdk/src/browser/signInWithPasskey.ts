import { startAuthentication } from '@simplewebauthn/browser';
import type { AuthloopClient } from '../createAuthloopClient.ts';
import type { PasskeySessionTokens } from '../serverTypes.ts';

/**
 * Signs a person in with a passkey and returns their session tokens. Without `subjectId` the
 * browser offers every discoverable passkey it has for this site (username-less sign-in).
 */
export async function signInWithPasskey({ client, tenantId, subjectId }: {
  client: AuthloopClient;
  /** The tenant (bank) the person belongs to. */
  tenantId: string;
  /** Limit the ceremony to this person's passkeys. */
  subjectId?: string;
}): Promise<PasskeySessionTokens> {
  const options = await client.passkeys.authenticationOptions({ tenantId, ...(subjectId === undefined ? {} : { subjectId }) });
  const credential = await startAuthentication({ optionsJSON: options });
  return client.passkeys.verifyAuthentication({ tenantId, credential: { ...credential, clientExtensionResults: { ...credential.clientExtensionResults } } });
}
