import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { charts, launchChromium, presetLink, root, runDone, servedBuild, watchPage } from './served-build.js';

/** A filled template as an .xlsx workbook whose sheet unpacks to more than 512 kB (long kommun names). */
async function largeWorkbook(): Promise<Buffer> {
  const ids = (JSON.parse(readFileSync(join(root, 'public/data/capabilities.json'), 'utf8')) as { id: string }[]).map(
    (c) => c.id,
  );
  const rows: (string | number)[][] = [['Kommunkod', 'Kommun', 'Förmåga-id', 'Nivå (0–3)', 'Levereras av']];
  for (const code of [1438, 1460, 1488])
    for (const id of ids) rows.push([code, `${code}-${id}-${'x'.repeat(4000)}`, id, 2, 'egen']);
  return writeExcelFile(rows).toBuffer();
}

/** The built app (dist/) as a static host serves it, in Chromium: CSP, outside requests, print. */
describe('the built app', () => {
  const served = servedBuild();

  it('opened from a folder (file://), where browsers block its scripts, says why and what to do', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`file://${join(served.outDir, 'index.html')}`);
      const message = page.locator('[data-no-start]');
      await message.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await message.textContent()).toContain('kunde inte starta');
      expect(await message.textContent()).toContain('webbserver');
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('runs under its Content-Security-Policy and sends no request outside its origin', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const base = served.base();
      const { errors, requests, violations } = await watchPage(page);
      await page.goto(`${base}#${presetLink(400)}`);
      await runDone(page);
      // the message for a page that cannot start stays hidden when it can
      expect(await page.locator('[data-no-start]').isVisible()).toBe(false);
      const csp = await page.evaluate(() =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      );
      expect(csp).toContain("script-src 'self'");
      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
      const origin = new URL(base).origin;
      expect(
        requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')),
      ).toEqual([]);
      // the charts were drawn
      expect(await charts(page)).toBeGreaterThan(0);
      // a filled template saved as .xlsx: its reader is loaded on demand, from the origin, and starts no
      // worker from a blob: URL (which the policy forbids), even for a sheet above fflate's 512 kB threshold
      await page.getByRole('tab', { name: 'Förmågekarta' }).click();
      await page.locator('[data-map-file]').setInputFiles({
        name: 'formagekarta-stor.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await largeWorkbook(),
      });
      const preview = page.locator('[data-map-preview]');
      await preview.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await preview.textContent()).toContain('Dals-Ed: 58 nya');
      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('prints the summary on at most two A4 pages without controls', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const base = served.base();
      await page.goto(`${base}#sammanfattning&${presetLink(600)}`);
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
