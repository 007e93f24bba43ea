import { existsSync, mkdtempSync } from 'node:fs';
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

/** Chromium's PDF of the built summary page, in print media, on A4. */
describe('the printed summary', () => {
  let server: PreviewServer;
  const outDir = mkdtempSync(join(tmpdir(), 'dm-dist-'));

  beforeAll(async () => {
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    server = await preview({ root, logLevel: 'silent', build: { outDir }, preview: { port: 0, strictPort: false } });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('fits on at most two A4 pages and hides the controls', async () => {
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const base = server.resolvedUrls?.local[0] ?? 'http://localhost:4173/';
      await page.goto(`${base}#sammanfattning&s=${encodeScenario({ ...presets[0], runs: 600 }, presets, 'sv')}`);
      await page.waitForFunction(
        () =>
          (document.querySelector('dm-app') as unknown as { store: { state: { run: { status: string } } } })?.store
            .state.run.status === 'done',
        null,
        { timeout: 90_000 },
      );
      await page.waitForTimeout(500);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({
        format: 'A4',
        margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' },
      });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
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
