/**
 * Browser benchmark: builds the app, serves dist/ with Vite's preview server and drives Debian's Chromium
 * (playwright-core) through the default scenario at 10 000 runs. Reports the time to the first partial
 * result and to the complete result, the main thread's long tasks during the run and the JS heap.
 * Run: npx tsx bench/browser.bench.ts (also part of npm run bench). Reports only; asserts nothing.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const executablePath =
  process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const outDir = mkdtempSync(join(tmpdir(), 'dm-bench-'));
await build({ root, logLevel: 'silent', build: { outDir } });
const server = await preview({ root, logLevel: 'silent', build: { outDir }, preview: { port: 0 } });
const base = server.resolvedUrls?.local[0] ?? 'http://localhost:4173/';
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--enable-precise-memory-info',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  type Probe = { store: { state: { run: { status: string; done: number } } } };
  await page.goto(base);
  await page.waitForFunction(
    () => (document.querySelector('dm-app') as unknown as Probe | null)?.store.state.run.status === 'done',
    null,
    { timeout: 180_000 },
  );
  // a changed input: the time from the edit to the first partial result and to the complete one
  const started = await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
    document.querySelector('dm-app')!.dispatchEvent(
      new CustomEvent('dm-members-change', {
        detail: {
          codes: [
            '1460',
            '1438',
            '1439',
            '1484',
            '1461',
            '1430',
            '1421',
            '1427',
            '1486',
            '1435',
            '1488',
            '1485',
            '1487',
          ],
        },
      }),
    );
    return performance.now();
  });
  await page.waitForFunction(
    () => {
      const run = (document.querySelector('dm-app') as unknown as Probe).store.state.run;
      return run.status === 'running' && run.done > 0;
    },
    null,
    { timeout: 180_000, polling: 10 },
  );
  const first = (await page.evaluate(() => performance.now())) - started;
  await page.waitForFunction(
    () => (document.querySelector('dm-app') as unknown as Probe).store.state.run.status === 'done',
    null,
    { timeout: 180_000, polling: 20 },
  );
  const complete = (await page.evaluate(() => performance.now())) - started;
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const heap = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
  );
  const result = {
    firstPartialMs: Math.round(first),
    completeMs: Math.round(complete),
    longTasks: longTasks.length,
    longestTaskMs: Math.round(Math.max(0, ...longTasks)),
    heapMb: Math.round(heap / 1e6),
  };
  console.log('Browser benchmark — built app, default scenario after an edit, 10 000 runs');
  console.log(
    `first partial result ${result.firstPartialMs} ms (target ≤ 150), complete ${result.completeMs} ms (target ≤ 500)`,
  );
  console.log(
    `main-thread long tasks during the run: ${result.longTasks}, longest ${result.longestTaskMs} ms (target ≤ 50)`,
  );
  console.log(`JS heap ${result.heapMb} MB (target ≤ 200)`);
  const file = new URL('results.json', import.meta.url);
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, `${JSON.stringify({ ...previous, browser: result }, null, 2)}\n`);
} finally {
  await browser.close();
  await server.close();
}
