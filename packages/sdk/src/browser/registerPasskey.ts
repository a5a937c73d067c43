import { startRegistration } from '@simplewebauthn/browser';
import type { AuthloopClient } from '../createAuthloopClient.ts';
import type { Passkey } from '../serverTypes.ts';

/**
 * Registers a passkey for the signed-in person: asks the server for creation options, runs
 * `navigator.credentials.create` (through @simplewebauthn/browser) and stores the result.
 * Throws the browser's `WebAuthnError` when the person cancels, and `AuthloopError` when the
 * server refuses the response.
 */
export async function registerPasskey({ client, name, payment = false }: {
  /** A client holding the person's session token (scope `self`). */
  client: AuthloopClient;
  /** A name the person will recognise, e.g. "This phone". */
  name?: string;
  /** Also register for Secure Payment Confirmation. Default false. */
  payment?: boolean;
}): Promise<Passkey> {
  const options = await client.passkeys.registrationOptions({ payment });
  const credential = await startRegistration({ optionsJSON: options });
  return client.passkeys.verifyRegistration({ credential: { ...credential, clientExtensionResults: { ...credential.clientExtensionResults } }, ...(name === undefined ? {} : { name }) });
}
