/**
 * What the tests of the built app share: a fresh build in a temporary folder served as a static host serves
 * it, Chromium to open it, a link to a preset, and what to wait for and read in the page.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import type { Scenario } from '../../src/engine/index.js';
import { encodeScenario } from '../../src/state/scenario-link.js';
import { readJson } from '../helpers.js';

export const root = new URL('../..', import.meta.url).pathname;

const executablePath =
  process.env.CHROME_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

/** Chromium as the tests run it (headless, no sandbox, no background requests). */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath, args });

const presets = ['fyrbodal', 'dalsland', 'trestad', 'sml-it'].map((id) => readJson(`scenarios/${id}.json`) as Scenario);

/** The link's scenario part for the first preset with `runs` runs: `s=…`. */
export const presetLink = (runs: number): string => `s=${encodeScenario({ ...presets[0], runs }, presets, 'sv')}`;

/** A build of the app served by Vite's preview server; `server` is unset once it has been closed. */
export interface ServedBuild {
  outDir: string;
  server?: PreviewServer;
  /** The address it is served at. */
  base(): string;
}

/**
 * The app built into a new temporary folder (named from `prefix`) and served there, for the tests of the
 * `describe` block it is called in: built before them, the server closed after them.
 */
export function servedBuild(prefix: string): ServedBuild {
  const served: ServedBuild = {
    outDir: mkdtempSync(join(tmpdir(), prefix)),
    base: () => served.server?.resolvedUrls?.local[0] ?? 'http://localhost:4173/',
  };
  beforeAll(async () => {
    const { outDir } = served;
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    served.server = await preview({
      root,
      logLevel: 'silent',
      build: { outDir },
      preview: { port: 0, strictPort: false },
    });
  }, 120_000);
  afterAll(async () => {
    await served.server?.close();
  });
  return served;
}

type Page = Awaited<ReturnType<Browser['newPage']>>;

/** Wait until the app's run is done. */
export const runDone = (page: Page) =>
  page.waitForFunction(
    () =>
      (document.querySelector('dm-app') as unknown as { store?: { state: { run: { status: string } } } })?.store?.state
        .run.status === 'done',
    null,
    { timeout: 90_000 },
  );

/** How many charts the results show. */
export const charts = (page: Page) =>
  page.evaluate(
    () =>
      document
        .querySelector('dm-app')!
        .shadowRoot!.querySelector('dm-results')!
        .shadowRoot!.querySelectorAll('dm-chart').length,
  );

/**
 * Watch a page from its start: the errors it throws or logs, the requests it sends, and the
 * Content-Security-Policy violations it reports (read them with `violations()`).
 */
export async function watchPage(page: Page) {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  return { errors, requests, violations };
}
