import { startAuthentication } from '@simplewebauthn/browser';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type { AuthloopClient } from '../createAuthloopClient.ts';
import type { OperatorPasskeyRequestOptions, OperatorTokens } from '../serverTypes.ts';

/**
 * The passkey step of an operator's sign-in: runs `navigator.credentials.get` with the request
 * options `operators.signIn` answered with (`status: 'mfa-required'`) and exchanges the assertion
 * and `mfaToken` for the operator's tokens.
 */
export async function completeOperatorSignInWithPasskey({ client, mfaToken, publicKey }: {
  client: AuthloopClient;
  mfaToken: string;
  publicKey: OperatorPasskeyRequestOptions;
}): Promise<OperatorTokens> {
  // The server's schema types enumerations (transports, userVerification) as plain strings.
  const credential = await startAuthentication({ optionsJSON: publicKey as PublicKeyCredentialRequestOptionsJSON });
  return client.operators.completeSignIn({ mfaToken, credential: { ...credential, clientExtensionResults: { ...credential.clientExtensionResults } } });
}

/**
 * Signs an operator in: email and password, then — when the server asks for it — the passkey
 * second factor in this browser. Resolves to the operator's tokens.
 */
export async function signInOperator({ client, tenantId, email, password }: {
  client: AuthloopClient;
  /** The tenant; omit for a platform superadmin. */
  tenantId?: string;
  email: string;
  password: string;
}): Promise<OperatorTokens> {
  const r = await client.operators.signIn({ email, password, ...(tenantId === undefined ? {} : { tenantId }) });
  if (r.status === 'signed-in') return r.tokens;
  return completeOperatorSignInWithPasskey({ client, mfaToken: r.mfaToken, publicKey: r.publicKey });
}
