import { describe, expect, it } from 'vitest';
import { loadChromiumFixture } from './fixtures/chromiumFixture.ts';
import { parseClientDataJSON } from './parseClientDataJSON.ts';
import { WebAuthnParseError } from './WebAuthnParseError.ts';

const fx = loadChromiumFixture();
const b64 = (s: string) => Buffer.from(s).toString('base64url');

describe('parseClientDataJSON', () => {
  it('parses captured registration and assertion client data', () => {
    expect(parseClientDataJSON(fx.registration.response.response.clientDataJSON)).toEqual({ type: 'webauthn.create', challenge: fx.registration.challenge, origin: fx.origin, crossOrigin: false });
    expect(parseClientDataJSON(fx.authentication.response.response.clientDataJSON)).toMatchObject({ type: 'webauthn.get', challenge: fx.authentication.challenge, origin: fx.origin });
  });

  it('parses the payment member of SPC (payment.get) client data', () => {
    const cd = parseClientDataJSON(b64(JSON.stringify({ type: 'payment.get', challenge: 'abc', origin: 'https://shop.example', payment: { rpId: 'bank.example', topOrigin: 'https://shop.example', payeeName: 'Shop', total: { currency: 'EUR', value: '12.00' }, instrument: { displayName: 'Card', icon: 'https://bank.example/i.png' } } })));
    expect(cd.payment?.total).toEqual({ currency: 'EUR', value: '12.00' });
  });

  it.each([
    ['not base64url', '***'],
    ['empty', ''],
    ['not JSON', b64('{nope')],
    ['no challenge', b64(JSON.stringify({ type: 'webauthn.get', origin: 'x' }))],
    ['challenge not base64url', b64(JSON.stringify({ type: 'webauthn.get', origin: 'x', challenge: 'a+b/' }))],
    ['an array', b64('[]')],
  ])('refuses %s with a clientDataJSON-stage error', (_name, input) => {
    const attempt = () => parseClientDataJSON(input);
    expect(attempt).toThrow(WebAuthnParseError);
    try {
      attempt();
    } catch (error) {
      expect(error instanceof WebAuthnParseError && error.stage).toBe('clientDataJSON');
    }
  });
});
