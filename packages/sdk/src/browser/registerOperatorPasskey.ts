import { startRegistration } from '@simplewebauthn/browser';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import type { AuthloopClient } from '../createAuthloopClient.ts';

/**
 * Registers a passkey as the signed-in operator's second factor: creation options from the server
 * (`operators.passkeyOptions`), `navigator.credentials.create` through @simplewebauthn/browser, then
 * `operators.registerPasskey`. From then on `operators.signIn` answers `mfa-required` for this
 * operator. The RP is the console itself (`AUTHLOOP_ISSUER`'s host and origin), so run it on the
 * server's own origin. Throws the browser's `WebAuthnError` when the operator cancels, and
 * `AuthloopError` when the server refuses the response.
 */
export async function registerOperatorPasskey({ client }: {
  /** A client holding the operator's own token (scope `operator:self`). */
  client: AuthloopClient;
}): Promise<{ id: string }> {
  const { registrationId, publicKey } = await client.operators.passkeyOptions();
  // The server's schema types enumerations (attachment, resident key, attestation) as plain strings.
  const credential = await startRegistration({ optionsJSON: publicKey as PublicKeyCredentialCreationOptionsJSON });
  return client.operators.registerPasskey({ registrationId, credential: { ...credential, clientExtensionResults: { ...credential.clientExtensionResults } } });
}
