import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, CDPSession, Page } from 'playwright-core';

/** Chromium flags for a quiet, sandbox-less headless run. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Where screenshots go (git-ignored). */
export const screenshotDir = fileURLToPath(new URL('../../../../test-output/web/', import.meta.url));

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A phone-sized page in headless Chromium with a fake camera and a virtual passkey authenticator. */
export interface TestBrowser {
  readonly browser: Browser;
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly authenticatorId: string;
  /** Runs axe-core on the current page; returns the serious and critical violations. */
  axe(): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]>;
  /** Saves a full-page screenshot as `test-output/web/<name>.png`. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Launches `/usr/bin/chromium` (or `AUTHLOOP_CHROMIUM`) with the camera fed from `y4m` (the fake
 * device loops it), opens `url` in a 390×844 viewport and adds a CTAP2 virtual authenticator.
 */
export async function openBrowser({ url, y4m }: { url: string; y4m?: string }): Promise<TestBrowser> {
  const args = [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', ...(y4m === undefined ? [] : [`--use-file-for-fake-video-capture=${y4m}`])];
  const browser = await chromium.launch({ executablePath: process.env['AUTHLOOP_CHROMIUM'] ?? '/usr/bin/chromium', args });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true });
    await context.grantPermissions(['camera'], { origin: new URL(url).origin });
    const page = await context.newPage();
    await page.goto(url);
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    mkdirSync(screenshotDir, { recursive: true });
    return {
      browser,
      page,
      cdp,
      authenticatorId,
      async axe() {
        // Evaluated through DevTools, so the page's CSP (script-src 'self') stays in force for the app.
        await page.evaluate(axeSource);
        const result: unknown = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })))`);
        const list = Array.isArray(result) ? (result as { id: string; impact: string; help: string; nodes: string[] }[]) : [];
        return list.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      },
      async screenshot(name) {
        await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
      },
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}
