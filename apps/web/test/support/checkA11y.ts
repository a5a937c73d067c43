import { expect } from 'vitest';
import type { TestBrowser } from './openBrowser.ts';

/** Photographs the page as `name` and expects axe-core to find no serious or critical violation on it. */
export async function checkA11y(b: TestBrowser, name: string): Promise<void> {
  await b.screenshot(name);
  expect(await b.axe(), `axe on ${name}`).toEqual([]);
}
