import { chromium } from 'playwright-core';
import type { Browser, CDPSession, Page } from 'playwright-core';

/** Chromium flags for a quiet, sandbox-less headless run in CI containers. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The Chromium binary (Debian package by default; `AUTHLOOP_CHROMIUM` overrides). */
export const chromiumPath = (): string => process.env['AUTHLOOP_CHROMIUM'] ?? '/usr/bin/chromium';

/** A page on `origin` with a DevTools virtual authenticator (CTAP2, internal, resident keys, UV). */
export interface BrowserAuthenticator {
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly authenticatorId: string;
  /** Runs navigator.credentials.create with JSON options; answers `PublicKeyCredential.toJSON()`. */
  create(options: unknown): Promise<Record<string, unknown>>;
  /** Runs navigator.credentials.get with JSON options; answers `PublicKeyCredential.toJSON()`. */
  get(options: unknown): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * The in-page script of a ceremony. Written as text because this project compiles without the DOM
 * library; it uses the WebAuthn L3 JSON helpers (parse…OptionsFromJSON, toJSON) Chromium provides.
 */
function ceremony(kind: 'create' | 'get', options: unknown): string {
  const parse = kind === 'create' ? 'parseCreationOptionsFromJSON' : 'parseRequestOptionsFromJSON';
  return `(async () => {
    const publicKey = PublicKeyCredential.${parse}(${JSON.stringify(options)});
    const cred = await navigator.credentials.${kind}({ publicKey });
    return cred.toJSON();
  })()`;
}

function asRecord(v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('the browser answered no credential');
  return Object.fromEntries(Object.entries(v));
}

/** Launches headless Chromium, opens `url` (use `http://localhost:…`, a secure context) and adds a virtual authenticator. */
export async function openBrowserAuthenticator(url: string): Promise<BrowserAuthenticator> {
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    return {
      page,
      cdp,
      authenticatorId,
      create: async (options) => asRecord(await page.evaluate(ceremony('create', options))),
      get: async (options) => asRecord(await page.evaluate(ceremony('get', options))),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
