/**
 * Browser benchmark: builds the app, serves dist/ with Vite's preview server and drives Debian's Chromium
 * (playwright-core) through the default scenario as shipped (scrambled Sobol inputs, stopping at its first
 * stable answer, at most 10 000 runs). After an edit (one member removed) it
 * reports, from the edit event (so including the app's edit debounce) and from the run's start in the store:
 *   - the first partial result: in the store (run.done > 0), and as a chart painted — the first cost chart's
 *     Plot figure in dm-chart's shadow DOM replaced by one drawn from the new run's partial results (a new
 *     element, a changed data table, store run.done > 0; seen by a MutationObserver the moment it is put
 *     in), then one requestAnimationFrame plus a posted message to approximate the moment that frame is
 *     painted;
 *   - the complete result: status 'done' in the store, and the final chart painted (same method);
 *   - main-thread long tasks (PerformanceObserver 'longtask') from the edit to the final chart: count and
 *     longest;
 *   - JS heap via the Chrome DevTools Protocol: the page's main thread (Runtime.getHeapUsage, the same
 *     figure as Performance.getMetrics JSHeapUsedSize) plus every dedicated worker of the page (attached
 *     with Target.setAutoAttach, Runtime.getHeapUsage in each), sampled every 100 ms during the run:
 *     the peak of the sum, and the sum at the end.
 *
 * Then, per preset (scenarios/: fyrbodal, dalsland, sml-it, trestad) and for Västra Götaland's 49 kommuner as
 * one scenario (the default scenario with members = county 14, as bench/engine.bench.ts), opened from a link
 * (`#s=…`, set as the page's hash, so timed from the hashchange) with stopWhenStable on and at most 20 000
 * runs, once with plain Monte Carlo and once with sampling 'rqmc' (docs/model.md §15): the runs at which it
 * stopped (stability.stableAt), the time to the final chart, the first partial chart, the longest main-thread
 * task and the peak JS heap, measured as above.
 * Last, where the default's time to a stable answer goes: 100 runs without stopping (the part that does not
 * grow with the runs), exactly the runs its answer needs without stopping, and as shipped.
 * Run: npx tsx bench/browser.bench.ts [--quick] [--breakdown] [--seeds N] [--first N] (also part of npm run bench; --quick
 * leaves out Västra Götaland; --breakdown runs only the last section; --first N only the first picture, over N opens
 * and N edits, and the page's heap after a full GC before and after them; with --against DIR, beside the app of another checkout, taking turns). Reports only; asserts nothing. Figures are noisy when other processes share the machine.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession } from 'playwright-core';
import type { Scenario } from '../src/engine/index.js';
import { SCENARIOS } from '../src/scenarios.js';
import { encodeScenario } from '../src/state/scenario-link.js';
import { analysed, launchChromium, newAppPage, serveApp } from './app.js';

const quick = process.argv.includes('--quick');
/** Only the breakdown of the default's time to a stable answer (the last section). */
const breakdownOnly = process.argv.includes('--breakdown');
/** Seeds of the breakdown (`--seeds N`, default 5): the figures are medians over them. */
const seedsArg = process.argv.indexOf('--seeds');
const seeds = seedsArg > 0 ? Math.max(1, Number(process.argv[seedsArg + 1]) || 5) : 5;
/** Only the first picture (`--first N`: N opens and N edits). */
const firstArg = process.argv.indexOf('--first');
const firstOnly = firstArg > 0 ? Math.max(1, Number(process.argv[firstArg + 1]) || 20) : 0;

const root = fileURLToPath(new URL('..', import.meta.url));
const app = await serveApp(root);
const base = app.url;
/** `--against DIR`: another checkout's app, built and served beside this one (only with `--first`). */
const againstArg = process.argv.indexOf('--against');
const against = againstArg > 0 ? await serveApp(process.argv[againstArg + 1]) : null;
const browser = await launchChromium(['--enable-precise-memory-info']);

/** JS heap of the page's main thread and of its dedicated workers, through one CDP session. */
class HeapProbe {
  private readonly workers = new Map<string, string>();
  private readonly pending = new Map<number, (usedSize: number) => void>();
  private nextId = 1;

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') this.workers.set(e.sessionId, e.targetInfo.title || e.targetInfo.url);
    });
    cdp.on('Target.detachedFromTarget', (e) => {
      if (e.sessionId) this.workers.delete(e.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const message = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
      if (message.id === undefined) return;
      this.pending.get(message.id)?.(message.result?.usedSize ?? 0);
      this.pending.delete(message.id);
    });
  }

  async start(): Promise<void> {
    await this.cdp.send('Runtime.enable');
    await this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  }

  private worker(sessionId: string): Promise<number> {
    const id = this.nextId++;
    return new Promise<number>((resolve) => {
      this.pending.set(id, resolve);
      const gone = () => {
        if (this.pending.delete(id)) resolve(0);
      };
      // a worker that is gone never answers
      setTimeout(gone, 1000);
      this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(gone);
    });
  }

  /** The page's main-thread heap after a full garbage collection: what the page holds on to (bytes). */
  async retained(): Promise<number> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    return (await this.cdp.send('Runtime.getHeapUsage')).usedSize;
  }

  /** Bytes used: main thread, and the sum over workers. */
  async sample(): Promise<{ main: number; workers: number; workerCount: number }> {
    const main = (await this.cdp.send('Runtime.getHeapUsage')).usedSize;
    const sessions = [...this.workers.keys()];
    const used = await Promise.all(sessions.map((s) => this.worker(s)));
    return { main, workers: used.reduce((a, b) => a + b, 0), workerCount: sessions.length };
  }
}

interface Timings {
  runStart: number;
  firstState: number;
  firstDoneRuns: number;
  firstChart: number;
  firstChartRuns: number;
  completeState: number;
  completeChart: number;
  longTasks: { start: number; duration: number }[];
  /** Runs in the final result, and where its answer became stable (null: not within its runs). */
  runsDone: number;
  stableAt: number | null;
}

/** A page of the app at `url`, with its heap probe, once its initial run has finished. */
async function openApp(url: string) {
  const page = await newAppPage(browser);
  const cdp = await page.context().newCDPSession(page);
  const heap = new HeapProbe(cdp);
  await heap.start();
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  type Probe = { store: { state: { run: { status: string } } } };
  await page.goto(url);
  await page.waitForFunction(
    () => (document.querySelector('dm-app') as unknown as Probe | null)?.store.state.run.status === 'done',
    null,
    { timeout: 300_000 },
  );
  // let the initial run's charts settle
  await page.waitForTimeout(500);
  return { page, heap };
}

try {
  const main = await openApp(base);
  const { page } = main;

  /**
   * One edit (the member list set to `codes`), timed in the page from the edit event. The first edit of a
   * session also pays for V8 re-optimising the engine for a model of another shape (see docs/performance.md),
   * so a second edit is measured too.
   */
  async function measureEdit(change: string[] | { hash: string }, label: string, quiet = false, { page, heap } = main) {
    // a changed input: one member removed; everything is timed in the page, from the edit event
    let sampling = true;
    const samples: { main: number; workers: number; workerCount: number }[] = [];
    const sampler = (async () => {
      while (sampling) {
        try {
          samples.push(await heap.sample());
        } catch {
          return; // the page is gone: the measurement below reports why
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const measured = page.evaluate(
      (change) =>
        new Promise<Timings>((resolve, reject) => {
          type Run = {
            id: number;
            status: string;
            done: number;
            results: { stability?: { stableAt?: number | null } } | null;
          };
          type Store = { state: { run: Run }; subscribe(f: (s: { run: Run }) => void): () => void };
          type Chart = HTMLElement & {
            spec?: { table: { rows: string[][] } } | null;
            updateComplete?: Promise<unknown>;
          };
          const app = document.querySelector('dm-app') as unknown as HTMLElement & { store: Store };
          const store = app.store;
          const deepAll = (node: ParentNode, selector: string, found: Element[] = []): Element[] => {
            for (const el of node.querySelectorAll('*')) {
              if (el.matches(selector)) found.push(el);
              if (el.shadowRoot) deepAll(el.shadowRoot, selector, found);
            }
            return found;
          };
          // the first chart element, looked up again only when it has left the page (walking every shadow
          // root on each check would itself delay the frames being measured)
          let chartSeen: Chart | null = null;
          const firstChart = () => {
            if (!chartSeen?.isConnected) chartSeen = (deepAll(document, 'dm-chart')[0] as Chart | undefined) ?? null;
            return chartSeen;
          };
          const figure = (c: Chart | null) => c?.shadowRoot?.querySelector('.figure > *') ?? null;
          const tableOf = (c: Chart | null) => JSON.stringify(c?.spec?.table.rows ?? null);
          let started = 0;
          const oldRun = store.state.run.id;
          const oldTable = tableOf(firstChart());
          // figures drawn before the results they should show: never counted
          const stale = new WeakSet<Element>();
          const markStale = () => {
            const f = figure(firstChart());
            if (f) stale.add(f);
          };
          markStale();
          const t: Partial<Timings> = {};
          let partialResults: unknown = null;
          let finalResults: unknown = null;
          const afterPaint = (then: (at: number) => void) =>
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => then(performance.now());
              channel.port2.postMessage(null);
            });
          const check = () => {
            const chart = firstChart();
            const f = figure(chart);
            if (!f || stale.has(f)) return;
            const run = store.state.run;
            if (run.id === oldRun || run.done <= 0 || tableOf(chart) === oldTable) return;
            if (t.firstChart === undefined && partialResults !== null && run.results !== null) {
              t.firstChart = -1; // pending paint
              t.firstChartRuns = run.done;
              afterPaint((at) => {
                t.firstChart = at - started;
              });
            }
            if (t.completeChart === undefined && finalResults !== null && run.results === finalResults) {
              t.completeChart = -1;
              afterPaint((at) => {
                t.completeChart = at - started;
                t.runsDone = store.state.run.done;
                t.stableAt = store.state.run.results?.stability?.stableAt ?? null;
                unsubscribe();
                observer.disconnect();
                const w = window as unknown as { longTasks: { start: number; duration: number }[] };
                t.longTasks = w.longTasks
                  .filter((x) => x.start + x.duration >= started)
                  .map((x) => ({ start: x.start - started, duration: x.duration }));
                resolve(t as Timings);
              });
            }
          };
          // a new figure is seen the moment it is put in (the chart draws in a task of its own), not at the
          // next frame's poll; the paint is then the frame after it
          let watched: Element | null = null;
          const observer = new MutationObserver(() => check());
          const watch = () => {
            const target = firstChart()?.shadowRoot?.querySelector('.figure') ?? null;
            if (!target || target === watched) return;
            observer.disconnect();
            observer.observe(target, { childList: true });
            watched = target;
          };
          const unsubscribe = store.subscribe((s) => {
            const now = performance.now() - started;
            const run = s.run;
            if (run.id === oldRun) return;
            if (t.runStart === undefined) t.runStart = now;
            if (run.status === 'error') reject(new Error('the run failed'));
            if (run.done > 0 && t.firstState === undefined) {
              t.firstState = now;
              t.firstDoneRuns = run.done;
            }
            if (run.done > 0 && partialResults === null) partialResults = run.results;
            if (run.status === 'done' && t.completeState === undefined) {
              t.completeState = now;
              finalResults = run.results;
              markStale(); // the figure on screen still shows partial results
            }
            // after Lit has rendered the new state (microtasks), look for the chart
            void Promise.resolve()
              .then(() => firstChart()?.updateComplete ?? Promise.resolve())
              .then(() => {
                watch();
                check();
              });
          });
          // and once per frame, in case drawing is deferred
          const poll = () => {
            if (t.completeChart !== undefined && t.completeChart >= 0) return;
            check();
            requestAnimationFrame(poll);
          };
          watch();
          started = performance.now();
          if (Array.isArray(change))
            app.dispatchEvent(new CustomEvent('dm-members-change', { detail: { codes: change } }));
          else location.hash = change.hash;
          requestAnimationFrame(poll);
        }),
      change,
    );
    // a pending timer would keep the process alive for its 300 s after the last measurement
    let timer: ReturnType<typeof setTimeout> | undefined;
    const t = await Promise.race([
      measured,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out after 300 s')), 300_000);
      }),
    ]).finally(() => clearTimeout(timer));
    sampling = false;
    await sampler;
    const end = await heap.sample();
    const mb = (bytes: number) => Math.round(bytes / 1e6);
    const peak = samples.reduce((a, s) => Math.max(a, s.main + s.workers), 0);
    const peakMain = samples.reduce((a, s) => Math.max(a, s.main), 0);
    const result = {
      runs: t.runsDone,
      stableAt: t.stableAt,
      firstPartialStateMs: Math.round(t.firstState),
      firstPartialRuns: t.firstDoneRuns,
      firstPartialChartMs: Math.round(t.firstChart),
      firstPartialChartRuns: t.firstChartRuns,
      runStartMs: Math.round(t.runStart),
      completeStateMs: Math.round(t.completeState),
      completeChartMs: Math.round(t.completeChart),
      longTasks: t.longTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...t.longTasks.map((x) => x.duration))),
      longTasksMs: t.longTasks.map((x) => Math.round(x.duration)),
      heap: {
        method: 'CDP Runtime.getHeapUsage: main thread + dedicated workers, sampled every 100 ms',
        peakMb: mb(peak),
        peakMainMb: mb(peakMain),
        endMainMb: mb(end.main),
        endWorkersMb: mb(end.workers),
        workers: end.workerCount,
        samples: samples.length,
      },
    };
    if (quiet) return result;
    const since = (ms: number) => `${ms} ms (${ms - result.runStartMs} ms after run start)`;
    console.log(`${label}:`);
    console.log(
      `(times from the edit event, which includes the app's edit debounce; the run started at ${result.runStartMs} ms; noisy if other processes share the machine)`,
    );
    console.log(
      `first partial result in the store: ${since(result.firstPartialStateMs)}, ${result.firstPartialRuns} runs`,
    );
    console.log(
      `first partial chart painted:       ${since(result.firstPartialChartMs)}, ${result.firstPartialChartRuns} runs   (goal ≤ 100 ms)`,
    );
    console.log(
      `complete result in the store:      ${since(result.completeStateMs)}, ${result.runs} runs${result.stableAt === result.runs ? ' (stopped at its stable answer)' : ''}`,
    );
    console.log(
      `complete chart painted:            ${since(result.completeChartMs)}   (goal: a stable answer ≤ 1 000 ms)`,
    );
    console.log(
      `main-thread long tasks from the edit to the final chart: ${result.longTasks}, longest ${result.longestTaskMs} ms   (target: none > 50 ms)`,
    );
    console.log(
      `JS heap (main thread + ${result.heap.workers} workers, CDP Runtime.getHeapUsage): peak ${result.heap.peakMb} MB during the run (main thread alone ${result.heap.peakMainMb} MB); at the end main ${result.heap.endMainMb} MB + workers ${result.heap.endWorkersMb} MB   (target ≤ 200 MB)`,
    );
    return result;
  }

  // `--first N`: only the first picture, over N opens from a link and N edits (one member removed), each of
  // another seed of the default as shipped. With `--against DIR`, the app built from DIR (another checkout)
  // is measured beside this one, the two pages taking turns, so that both see the same phases of the
  // machine's speed (it drifts by ±50 %).
  if (firstOnly > 0) {
    const apps: { name: string; app: typeof main; opens: number[]; edits: number[]; heap: number[] }[] = [
      { name: 'this build', app: main, opens: [], edits: [], heap: [] },
    ];
    if (against) apps.push({ name: against.root, app: await openApp(against.url), opens: [], edits: [], heap: [] });
    // After every run the app analyses it (decision, then a threshold search of about ten seconds, in a
    // worker that a new run stops). An open is measured with every page's analyses finished (a quiet app);
    // the edit 300 ms after that open's run, while the page's own analyses run (as in a workshop, where the
    // next edit comes within seconds). The other page's analyses, which no run of this page would stop, are
    // always finished first.
    const settle = async (pages: typeof apps) => {
      for (const x of pages) await analysed(x.app.page);
    };
    // what each page holds on to after a full GC, before the rounds and after their 2 × N runs (a page
    // that keeps something of every run grows by it per run)
    await settle(apps);
    for (const x of apps) x.heap.push(await x.app.heap.retained());
    for (let k = 1; k <= firstOnly; k++) {
      const seeded = { ...SCENARIOS[0], seed: SCENARIOS[0].seed + 200 + k };
      // each page goes first in every other round
      for (const x of k % 2 === 0 ? [...apps].reverse() : apps) {
        await settle(apps);
        await x.app.page.waitForTimeout(300);
        const hash = `#s=${encodeScenario(seeded, SCENARIOS)}`;
        x.opens.push((await measureEdit({ hash }, '', true, x.app)).firstPartialChartMs);
        await x.app.page.waitForTimeout(300);
        x.edits.push((await measureEdit(seeded.members.slice(1), '', true, x.app)).firstPartialChartMs);
      }
    }
    await settle(apps);
    for (const x of apps) x.heap.push(await x.app.heap.retained());
    const quartiles = (xs: number[]) => {
      const sorted = [...xs].sort((x, y) => x - y);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      return `median ${at(0.5)} ms, quartiles ${at(0.25)}–${at(0.75)} ms, ${sorted[0]}–${sorted.at(-1)} ms`;
    };
    for (const x of apps) {
      console.log(`First picture painted (goal ≤ 100 ms), ${x.name}, ${firstOnly} of each:`);
      console.log(`  opened from a link, the app quiet:           ${quartiles(x.opens)}`);
      console.log(`  an edit while the last run is being analysed: ${quartiles(x.edits)}`);
      console.log(`  all:                                          ${quartiles([...x.opens, ...x.edits])}`);
      const [before, after] = x.heap.map((bytes) => bytes / 1e6);
      console.log(
        `  page heap after a full GC: ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB after ${2 * firstOnly} runs (${((1000 * (after - before)) / (2 * firstOnly)).toFixed(0)} kB per run)`,
      );
    }
  } else {
    let firstEdit: unknown = null;
    let secondEdit: unknown = null;
    const stability: Record<string, unknown>[] = [];
    if (!breakdownOnly) {
      console.log(
        'Browser benchmark — built app in headless Chromium, default scenario as shipped (rqmc, stops at its stable answer, at most 10 000 runs) after an edit',
      );
      // the default's members without Åmål (the last), read from the preset rather than written out again
      const fyrbodal = SCENARIOS[0].members.filter((code) => code !== '1492');
      firstEdit = await measureEdit(fyrbodal, 'first edit of the session (Åmål removed)');
      await page.waitForTimeout(1000);
      secondEdit = await measureEdit(fyrbodal.slice(0, 12), 'second edit (Vänersborg removed too)');

      console.log('');
      console.log(
        'Runs to a stable answer in the app: each preset opened from a link (#s=…) with stopWhenStable, at most 20 000 runs;',
      );
      console.log(
        'times from the hashchange (the link opened) to the final chart painted; mc = plain Monte Carlo, rqmc =',
      );
      console.log("sampling 'rqmc' (10 scrambled Sobol replicates, error from their spread; docs/model.md §15):");
      const municipalities = JSON.parse(readFileSync(join(root, 'public/data/municipalities.json'), 'utf8')) as {
        code: string;
        county: string;
      }[];
      const presets: [string, Scenario][] = ['fyrbodal', 'dalsland', 'sml-it', 'trestad'].map((id) => [
        id,
        SCENARIOS.find((x) => x.id === id) as Scenario,
      ]);
      if (!quick)
        presets.push([
          'Västra Götaland (49)',
          { ...SCENARIOS[0], members: municipalities.filter((m) => m.county === '14').map((m) => m.code) },
        ]);
      console.log(
        `${'scenario'.padEnd(22)}${'members'.padStart(8)}${'sampling'.padStart(10)}${'stable at'.padStart(11)}${'final chart'.padStart(13)}${'first chart'.padStart(13)}${'longest task'.padStart(14)}${'peak heap'.padStart(11)}`,
      );
      for (const [label, preset] of presets) {
        const pair: { runs: number; ms: number }[] = [];
        for (const sampling of ['mc', 'rqmc'] as const) {
          const scenario: Scenario = { ...preset, runs: 20_000, stopWhenStable: true, sampling };
          const hash = `#s=${encodeScenario(scenario, SCENARIOS)}`;
          await page.waitForTimeout(500);
          const r = await measureEdit({ hash }, label, true);
          stability.push({ scenario: label, members: preset.members.length, sampling, ...r });
          pair.push({ runs: r.stableAt ?? r.runs, ms: r.completeChartMs });
          console.log(
            `${(sampling === 'mc' ? label : '').padEnd(22)}${(sampling === 'mc' ? String(preset.members.length) : '').padStart(8)}${sampling.padStart(10)}${(r.stableAt === null ? `> ${r.runs}` : String(r.stableAt)).padStart(11)}${`${r.completeChartMs} ms`.padStart(13)}${`${r.firstPartialChartMs} ms`.padStart(13)}${`${r.longestTaskMs} ms`.padStart(14)}${`${r.heap.peakMb} MB`.padStart(11)}`,
          );
        }
        console.log(
          `${''.padEnd(40)}rqmc: ${(pair[0].runs / pair[1].runs).toFixed(1)}× fewer runs, ${(pair[0].ms / pair[1].ms).toFixed(1)}× less time to the final chart`,
        );
      }
    }

    // Where the default's time to a stable answer goes: the same scenario opened three ways, for `--seeds` seeds
    // (medians): (a) 100 runs, no stopping — the part that does not grow with the runs (workers load the
    // scenario, the first look, one summary, the charts); (b) exactly the runs its stable answer needs, no
    // stopping; (c) as shipped, stopping — (c) − (b) is what stopping costs (chunks already under way when the
    // answer becomes stable, the checks), (b) − (a) the runs themselves.
    const shipped = SCENARIOS[0];
    const medianOf = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const open = async (scenario: Scenario) => {
      await page.waitForTimeout(500);
      return measureEdit({ hash: `#s=${encodeScenario(scenario, SCENARIOS)}` }, '', true);
    };
    const triples: { fixed: number; exact: number; shipped: number; runs: number }[] = [];
    // the first picture of each of these opens (it does not depend on how many runs follow)
    const firstCharts: number[] = [];
    for (let k = 1; k <= seeds; k++) {
      // another seed each time (the page already shows the default's own): other figures, so every chart redraws
      const seeded = { ...shipped, seed: shipped.seed + k };
      const asShippedRun = await open(seeded);
      const runs = asShippedRun.stableAt ?? asShippedRun.runs;
      // (a) between the two: (b) gives exactly (c)'s figures, which would not redraw the charts right after it
      const fixed = await open({ ...seeded, runs: 100, stopWhenStable: false });
      const exact = await open({ ...seeded, runs, stopWhenStable: false });
      firstCharts.push(asShippedRun.firstPartialChartMs, fixed.firstPartialChartMs, exact.firstPartialChartMs);
      triples.push({
        fixed: fixed.completeChartMs,
        exact: exact.completeChartMs,
        shipped: asShippedRun.completeChartMs,
        runs,
      });
    }
    const fixedPart = { ms: medianOf(triples.map((x) => x.fixed)) };
    const exactRuns = { ms: medianOf(triples.map((x) => x.exact)) };
    const asShipped = { ms: medianOf(triples.map((x) => x.shipped)), runs: medianOf(triples.map((x) => x.runs)) };
    const firstChart = {
      medianMs: medianOf(firstCharts),
      minMs: Math.min(...firstCharts),
      maxMs: Math.max(...firstCharts),
      opens: firstCharts.length,
    };
    const breakdown: Record<string, unknown> & { afterRun?: unknown } = {
      fixedPart,
      exactRuns,
      asShipped,
      triples,
      firstChart,
    };
    console.log('');
    console.log(
      `Where the default scenario's time to a stable answer goes (opened from a link, median over ${seeds} seeds):`,
    );
    console.log(`  (a) 100 runs, no stopping (the part that does not grow with the runs): ${fixedPart.ms} ms`);
    console.log(`  (b) ${asShipped.runs} runs, no stopping (the runs its answer needs):          ${exactRuns.ms} ms`);
    console.log(
      `  (c) as shipped (stops at ${asShipped.runs}):                                     ${asShipped.ms} ms`,
    );
    for (const x of triples)
      console.log(`  per seed: (a) ${x.fixed} ms, (b) ${x.exact} ms, (c) ${x.shipped} ms, stable at ${x.runs}`);
    console.log(
      `  the runs themselves (b − a): ${exactRuns.ms - fixedPart.ms} ms; stopping (c − b): ${asShipped.ms - exactRuns.ms} ms`,
    );
    console.log(
      `  first picture painted, over all ${firstChart.opens} opens: median ${firstChart.medianMs} ms (${firstChart.minMs}–${firstChart.maxMs} ms)   (goal ≤ 100 ms)`,
    );
    // An edit made right after a run has finished, while the app computes that run's swings, decision
    // analysis and thresholds: its first picture and stable answer, against the same edit made later.
    const afterRun: { first: number; complete: number }[] = [];
    for (let k = 1; k <= seeds; k++) {
      const seeded = { ...shipped, seed: shipped.seed + 100 + k };
      await open(seeded);
      const edit = await measureEdit(seeded.members.slice(1), '', true);
      afterRun.push({ first: edit.firstPartialChartMs, complete: edit.completeChartMs });
    }
    const afterRunSummary = {
      firstMedianMs: medianOf(afterRun.map((x) => x.first)),
      completeMedianMs: medianOf(afterRun.map((x) => x.complete)),
      runs: afterRun,
    };
    breakdown.afterRun = afterRunSummary;
    console.log(
      `  an edit right after a run finished (${seeds} seeds, medians): first picture ${afterRunSummary.firstMedianMs} ms, stable answer ${afterRunSummary.completeMedianMs} ms`,
    );
    console.log(`    per seed: ${afterRun.map((x) => `${x.first} / ${x.complete} ms`).join(', ')}`);
    const result = { firstEdit, secondEdit, stability, breakdown };
    const file = new URL('results.json', import.meta.url);
    const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    writeFileSync(file, `${JSON.stringify({ ...previous, browser: result }, null, 2)}\n`);
  }
} finally {
  await browser.close();
  await app.close();
  await against?.close();
}
