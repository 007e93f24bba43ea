/**
 * Where the first picture's time goes: opens the default scenario from a link in the built app (headless
 * Chromium, as bench/browser.bench.ts) N times, each under Chrome's tracing, and prints per thread (the
 * page's main thread, the workers, the compositor) the tasks from the hashchange until 80 ms after the
 * first partial result reached the store, with what each spent its time on (the task's events summed by
 * name, so nested events of different names overlap), and the garbage collections.
 * Tracing adds a few milliseconds of its own. Reports only; asserts nothing.
 * Run: npx tsx bench/first-trace.ts [N]   (default 4; docs/performance.md, "Where the first picture goes now")
 */
import { fileURLToPath } from 'node:url';
import { SCENARIOS } from '../src/scenarios.js';
import { encodeScenario } from '../src/state/scenario-link.js';
import { analysed, launchChromium, newAppPage, serveApp } from './app.js';

interface TraceEvent {
  ph: string;
  name: string;
  cat?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}
type Probe = {
  store: {
    state: { run: { id: number; done: number } };
    subscribe(f: (s: { run: { id: number; done: number } }) => void): () => void;
  };
};

const opens = Math.max(1, Number(process.argv[2]) || 4);
const app = await serveApp(fileURLToPath(new URL('..', import.meta.url)));
const browser = await launchChromium();
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const GC = new Set(['MajorGC', 'MinorGC', 'V8.GCIncrementalMarkingStart']);
try {
  const page = await newAppPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(app.url);
  for (let k = 1; k <= opens; k++) {
    await analysed(page);
    await page.waitForTimeout(300);
    const seeded = { ...SCENARIOS[0], seed: SCENARIOS[0].seed + 500 + k };
    await cdp.send('Tracing.start', {
      categories:
        'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,blink.user_timing,toplevel,disabled-by-default-v8.gc',
      transferMode: 'ReturnAsStream',
    });
    await page.waitForTimeout(200);
    const firstState = await page.evaluate(
      (hash) =>
        new Promise<number>((resolve) => {
          const store = (document.querySelector('dm-app') as unknown as Probe).store;
          const old = store.state.run.id;
          performance.mark('edit');
          const started = performance.now();
          const stop = store.subscribe((s) => {
            if (s.run.id === old || s.run.done <= 0) return;
            stop();
            const at = performance.now() - started;
            setTimeout(() => {
              performance.mark('after');
              resolve(at);
            }, 80);
          });
          location.hash = hash;
        }),
      `#s=${encodeScenario(seeded, SCENARIOS)}`,
    );
    const complete = new Promise<string>((resolve) =>
      cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')),
    );
    await cdp.send('Tracing.end');
    const stream = await complete;
    let text = '';
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
    report(events, k, firstState);
  }
} finally {
  await browser.close();
  await app.close();
}

/** One open's tasks per thread, in ms from the hashchange. */
function report(events: TraceEvent[], k: number, firstState: number): void {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, e.args?.name ?? '?');
  const mark = (name: string) => {
    const at = events.filter((e) => e.name === name && e.cat?.includes('user_timing')).map((e) => e.ts);
    if (at.length === 0) throw new Error(`the trace has no mark "${name}"`);
    return Math.min(...at);
  };
  const t0 = mark('edit');
  const t1 = mark('after');
  const ms = (us: number) => (us / 1000).toFixed(1).padStart(6);
  console.log(`\nopen ${k}: first partial result in the store after ${firstState.toFixed(0)} ms`);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || e.ts + e.dur < t0 || e.ts > t1) continue;
    const key = `${e.pid}/${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  for (const [key, list] of byThread) {
    const name = names.get(key) ?? '?';
    if (!/CrRendererMain|DedicatedWorker|^Compositor$/.test(name)) continue;
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    // the outermost tasks only (a task event nests another of the same task)
    const tasks: TraceEvent[] = [];
    for (const e of list)
      if (TASKS.has(e.name) && (e.dur ?? 0) > 300 && e.ts >= (tasks.at(-1)?.ts ?? 0) + (tasks.at(-1)?.dur ?? 0))
        tasks.push(e);
    if (tasks.length === 0) continue;
    console.log(`  ${name} (${key.split('/')[1]})`);
    for (const task of tasks) {
      const end = task.ts + (task.dur ?? 0);
      const parts = new Map<string, number>();
      for (const e of list)
        if (e !== task && !TASKS.has(e.name) && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) > 500)
          parts.set(e.name, (parts.get(e.name) ?? 0) + (e.dur ?? 0));
      const top = [...parts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
      console.log(
        `    ${ms(task.ts - t0)} +${ms(task.dur ?? 0)} ms  ${top.map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(', ')}`,
      );
    }
  }
  const gcs = events.filter((e) => e.ph === 'X' && GC.has(e.name) && e.ts >= t0 && e.ts <= t1);
  console.log(
    `  garbage collections: ${gcs.map((e) => `${e.name} at ${ms(e.ts - t0).trim()} ms, ${ms(e.dur ?? 0).trim()} ms (${names.get(`${e.pid}/${e.tid}`)})`).join('; ') || 'none'}`,
  );
}
