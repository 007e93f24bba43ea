import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { charts, launchChromium, presetLink, root, runDone, servedBuild, watchPage } from './served-build.js';

const link = `#${presetLink(400)}`;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

describe('the built app offline (service worker)', () => {
  const served = servedBuild();

  it('precaches every file the build emits: the page, scripts, workers and data', () => {
    const { outDir } = served;
    const source = readFileSync(join(outDir, 'sw.js'), 'utf8');
    const listed = JSON.parse(/const FILES = (\[.*\]);/.exec(source)![1]) as string[];
    const emitted = filesUnder(outDir).filter((f) => f !== 'sw.js');
    expect([...listed].sort()).toEqual(emitted.map((f) => `./${f}`));
    for (const expected of ['./index.html', './data/municipalities.json', './data/capabilities.json'])
      expect(listed).toContain(expected);
    expect(listed.filter((f) => /\.worker-.*\.js$/.test(f)).length).toBeGreaterThanOrEqual(2);
  });

  it('after its first visit, opens and computes with the server gone', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const base = served.base();
      await page.goto(`${base}${link}`);
      await runDone(page);
      // the service worker is installed and has cached everything
      const expected = (
        JSON.parse(/const FILES = (\[.*\]);/.exec(readFileSync(join(served.outDir, 'sw.js'), 'utf8'))![1]) as string[]
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
      await served.server!.close();
      served.server = undefined;
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
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const { errors, requests, violations } = await watchPage(page);
      await page.goto(`file://${join(outDir, 'index.html')}${link}`);
      await runDone(page);
      expect(await page.evaluate(() => document.querySelector('dm-app')!.store.state.run.results!.runsDone)).toBe(400);
      expect(await charts(page)).toBeGreaterThan(0);
      expect(await page.locator('[data-no-start]').isVisible()).toBe(false);
      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests.filter((url) => !/^(file|blob|data):/.test(url))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
