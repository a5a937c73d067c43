/** The parsing stage that refused a WebAuthn response. */
export type WebAuthnParseStage = 'clientDataJSON' | 'authenticatorData' | 'attestationObject';

/** Raised when a WebAuthn response is not well-formed (bad base64url, bad JSON, truncated bytes). */
export class WebAuthnParseError extends Error {
  override readonly name = 'WebAuthnParseError';
  readonly stage: WebAuthnParseStage;

  constructor(stage: WebAuthnParseStage, message: string) {
    super(message);
    this.stage = stage;
  }
}
