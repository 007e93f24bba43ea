/**
 * What the tests of the built app share: a fresh build in a temporary folder served as a static host serves
 * it, Chromium to open it, a link to a preset, and what to wait for and read in the page.
 * The build is made once per test run (the first file to need it builds it, the others wait for it and
 * read it): the folder comes from test/print/build-dir.ts (vitest globalSetup).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Browser, chromium } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, inject } from 'vitest';
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
 * This run's build of the app (`vite build`, as `npm run build` makes it) in the shared folder: built by the
 * first caller, in whichever test file; the others wait until it is complete. The files only read it.
 */
async function sharedBuild(): Promise<string> {
  const dir = inject('appBuildDir');
  const outDir = join(dir, 'dist');
  const done = join(dir, 'built');
  const failed = join(dir, 'failed');
  try {
    // mkdir is atomic: exactly one caller gets to build
    mkdirSync(join(dir, 'building'));
  } catch {
    for (;;) {
      if (existsSync(done)) return outDir;
      if (existsSync(failed)) throw new Error(`the shared build failed: ${readFileSync(failed, 'utf8')}`);
      await sleep(100);
    }
  }
  try {
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } catch (e) {
    writeFileSync(failed, String(e));
    throw e;
  }
  writeFileSync(done, '');
  return outDir;
}

/**
 * The app's build (one per test run, see sharedBuild) served by a preview server of its own, for the tests
 * of the `describe` block it is called in: built (or waited for) before them, the server closed after them.
 */
export function servedBuild(): ServedBuild {
  const served: ServedBuild = {
    outDir: '',
    base: () => served.server?.resolvedUrls?.local[0] ?? 'http://localhost:4173/',
  };
  beforeAll(async () => {
    const outDir = await sharedBuild();
    served.outDir = outDir;
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
