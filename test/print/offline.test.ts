import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/index.js';
import { encodeScenario } from '../../src/state/scenario-link.js';
import { readJson } from '../helpers.js';

const root = new URL('../..', import.meta.url).pathname;
const executablePath =
  process.env.CHROME_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];
const presets = ['fyrbodal', 'dalsland', 'trestad', 'sml-it'].map((id) => readJson(`scenarios/${id}.json`) as Scenario);
const link = `#s=${encodeScenario({ ...presets[0], runs: 400 }, presets, 'sv')}`;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

type Page = Awaited<ReturnType<Browser['newPage']>>;
const runDone = (page: Page) =>
  page.waitForFunction(
    () =>
      (document.querySelector('dm-app') as unknown as { store?: { state: { run: { status: string } } } })?.store?.state
        .run.status === 'done',
    null,
    { timeout: 90_000 },
  );
const charts = (page: Page) =>
  page.evaluate(
    () =>
      document
        .querySelector('dm-app')!
        .shadowRoot!.querySelector('dm-results')!
        .shadowRoot!.querySelectorAll('dm-chart').length,
  );

describe('the built app offline (service worker)', () => {
  let server: PreviewServer | undefined;
  const outDir = mkdtempSync(join(tmpdir(), 'dm-offline-'));

  beforeAll(async () => {
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    server = await preview({ root, logLevel: 'silent', build: { outDir }, preview: { port: 0, strictPort: false } });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('precaches every file the build emits: the page, scripts, workers and data', () => {
    const source = readFileSync(join(outDir, 'sw.js'), 'utf8');
    const listed = JSON.parse(/const FILES = (\[.*\]);/.exec(source)![1]) as string[];
    const emitted = filesUnder(outDir).filter((f) => f !== 'sw.js');
    expect([...listed].sort()).toEqual(emitted.map((f) => `./${f}`));
    for (const expected of ['./index.html', './data/municipalities.json', './data/capabilities.json'])
      expect(listed).toContain(expected);
    expect(listed.filter((f) => /\.worker-.*\.js$/.test(f)).length).toBeGreaterThanOrEqual(2);
  });

  it('after its first visit, opens and computes with the server gone', async () => {
    const browser = await chromium.launch({ executablePath, args });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const base = server!.resolvedUrls?.local[0] ?? 'http://localhost:4173/';
      await page.goto(`${base}${link}`);
      await runDone(page);
      // the service worker is installed and has cached everything
      const expected = (
        JSON.parse(/const FILES = (\[.*\]);/.exec(readFileSync(join(outDir, 'sw.js'), 'utf8'))![1]) as string[]
      ).length;
      await page.waitForFunction(
        async (n) => {
          await navigator.serviceWorker.ready;
          const keys = await caches.keys();
          return keys.length === 1 && (await (await caches.open(keys[0])).keys()).length === n;
        },
        expected,
        { timeout: 30_000 },
      );
      // the server goes away and the network with it
      await server!.close();
      server = undefined;
      await context.setOffline(true);
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(r.url()));
      await page.reload();
      await runDone(page);
      expect(await charts(page)).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.querySelector('dm-app')!.store.state.data.status)).toBe('ready');
      expect(await page.locator('[data-no-start]').isVisible()).toBe(false);
    } finally {
      await browser.close();
    }
  }, 180_000);
});

describe('the single-file build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'dm-single-'));

  beforeAll(async () => {
    await build({ root, mode: 'single', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  }, 120_000);

  it('is one page (and the accessibility statement) with nothing to load', () => {
    expect(filesUnder(outDir)).toEqual(['index.html', 'tillganglighet.html']);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });

  it('opens from a folder (file://), runs its workers and shows results under its policy', async () => {
    const browser = await chromium.launch({ executablePath, args });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('request', (r) => requests.push(r.url()));
      await page.addInitScript(() => {
        (window as unknown as { violations: string[] }).violations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await page.goto(`file://${join(outDir, 'index.html')}${link}`);
      await runDone(page);
      expect(await page.evaluate(() => document.querySelector('dm-app')!.store.state.run.results!.runsDone)).toBe(400);
      expect(await charts(page)).toBeGreaterThan(0);
      expect(await page.locator('[data-no-start]').isVisible()).toBe(false);
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests.filter((url) => !/^(file|blob|data):/.test(url))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
