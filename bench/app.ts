/**
 * What the browser benchmarks share (browser.bench.ts, first-trace.ts): a checkout's app built and served
 * by Vite's preview server, Debian's Chromium launched headless, a page of the app, and the wait until the
 * app is quiet (its run finished and analysed).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';

/** The app of the checkout at `root`, built into a temporary folder and served; close() removes both. */
export async function serveApp(root: string): Promise<{ root: string; url: string; close(): Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'dm-bench-'));
  await build({ root, logLevel: 'silent', build: { outDir } });
  const server = await preview({ root, logLevel: 'silent', build: { outDir }, preview: { port: 0 } });
  return {
    root,
    url: server.resolvedUrls?.local[0] ?? 'http://localhost:4173/',
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium (`CHROME_PATH`, else Debian's), with `extraArgs` beside the ones every bench needs. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const executablePath =
    process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', ...extraArgs],
  });
}

/** A page at the benchmarks' size, not yet opened (init scripts may still be added). */
export async function newAppPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  // tsx (esbuild keepNames) wraps named functions in a __name helper that the page does not have
  await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  return page;
}

/** Until the app is quiet: its latest run done and its threshold search no longer running. */
export function analysed(page: Page): Promise<unknown> {
  type Idle = { store: { state: { run: { status: string; thresholdSearch: { status: string } } } } };
  return page.waitForFunction(
    () => {
      const run = (document.querySelector('dm-app') as unknown as Idle | null)?.store.state.run;
      return run?.status === 'done' && run.thresholdSearch.status !== 'running';
    },
    null,
    { timeout: 120_000, polling: 100 },
  );
}
