import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/index.js';
import { encodeScenario } from '../../src/state/scenario-link.js';
import { readJson } from '../helpers.js';

const root = new URL('../..', import.meta.url).pathname;
const executablePath =
  process.env.CHROME_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const presets = ['fyrbodal', 'dalsland', 'trestad', 'sml-it'].map((id) => readJson(`scenarios/${id}.json`) as Scenario);

/** The built app (dist/) as a static host serves it, in Chromium: CSP, outside requests, print. */
describe('the built app', () => {
  let server: PreviewServer;
  const outDir = mkdtempSync(join(tmpdir(), 'dm-dist-'));

  beforeAll(async () => {
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    server = await preview({ root, logLevel: 'silent', build: { outDir }, preview: { port: 0, strictPort: false } });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('opened from a folder (file://), where browsers block its scripts, says why and what to do', async () => {
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${join(outDir, 'index.html')}`);
      const message = page.locator('[data-no-start]');
      await message.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await message.textContent()).toContain('kunde inte starta');
      expect(await message.textContent()).toContain('webbserver');
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('runs under its Content-Security-Policy and sends no request outside its origin', async () => {
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const base = server.resolvedUrls?.local[0] ?? 'http://localhost:4173/';
      const requests: string[] = [];
      const errors: string[] = [];
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
      await page.goto(`${base}#s=${encodeScenario({ ...presets[0], runs: 400 }, presets, 'sv')}`);
      await page.waitForFunction(
        () =>
          (document.querySelector('dm-app') as unknown as { store: { state: { run: { status: string } } } })?.store
            .state.run.status === 'done',
        null,
        { timeout: 90_000 },
      );
      // the message for a page that cannot start stays hidden when it can
      expect(await page.locator('[data-no-start]').isVisible()).toBe(false);
      const csp = await page.evaluate(() =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      );
      expect(csp).toContain("script-src 'self'");
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
      expect(errors).toEqual([]);
      const origin = new URL(base).origin;
      expect(
        requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')),
      ).toEqual([]);
      // the charts were drawn
      const svgs = await page.evaluate(
        () =>
          document
            .querySelector('dm-app')!
            .shadowRoot!.querySelector('dm-results')!
            .shadowRoot!.querySelectorAll('dm-chart').length,
      );
      expect(svgs).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('prints the summary on at most two A4 pages without controls', async () => {
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const base = server.resolvedUrls?.local[0] ?? 'http://localhost:4173/';
      await page.goto(`${base}#sammanfattning&s=${encodeScenario({ ...presets[0], runs: 600 }, presets, 'sv')}`);
      // printed as a reader would print it: with the thresholds that follow the run
      await page.waitForFunction(
        () => {
          const run = (
            document.querySelector('dm-app') as unknown as {
              store: { state: { run: { status: string; thresholdSearch: { status: string } } } };
            }
          )?.store.state.run;
          return run?.status === 'done' && run.thresholdSearch.status === 'done';
        },
        null,
        { timeout: 90_000 },
      );
      await page.evaluate(() => {
        const state = (
          document.querySelector('dm-app') as unknown as { store: { state: { run: { thresholds: unknown } } } }
        ).store.state;
        if (!state.run.thresholds) throw new Error('no thresholds');
      });
      await page.waitForTimeout(500);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({
        format: 'A4',
        margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' },
      });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      if (process.env.PRINT_PDF) writeFileSync(process.env.PRINT_PDF, pdf);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
      // no buttons are visible in print
      const visibleButtons = await page.evaluate(() => {
        const summary = document.querySelector('dm-app')!.shadowRoot!.querySelector('dm-summary')!.shadowRoot!;
        return [...summary.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().height > 0).length;
      });
      expect(visibleButtons).toBe(0);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
