import { expect } from '@open-wc/testing';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { loadModel, type Scenario, simulateAll } from '../../src/engine/index.js';
import type { WorkerFactory } from '../../src/runner/comlink.js';
import { moduleWorkers } from '../../src/runner/module-workers.js';
import { FIRST_LOOK_RUNS } from '../../src/runner/runner.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { loadScenario } from '../../src/state/actions.js';
import { encodeScenario } from '../../src/state/scenario-link.js';
import { shadow, until as waitUntil } from './helpers.js';

const errors: string[] = [];
const originalError = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args.map(String).join(' '));
  originalError(...args);
};
window.addEventListener('error', (e) => errors.push(e.message));

/**
 * The default scenario running every run it asks for: these tests count runs or compare with one engine run
 * of a given count. The default as shipped (stopping at its first stable answer) is the first test's, and
 * stability.test.ts's.
 */
const fyrbodal: Scenario = { ...SCENARIOS[0], stopWhenStable: false };

function mount(scenario: Scenario | null, factory: WorkerFactory = moduleWorkers): DmApp {
  const app = document.createElement('dm-app');
  app.dataBase = '/public/data/';
  app.workerFactory = factory;
  if (scenario) app.store.update(loadScenario(structuredClone(scenario)));
  document.body.append(app);
  current = app;
  return app;
}

let current: DmApp | undefined;

const until = (check: () => boolean, timeout = 45000) =>
  waitUntil(check, timeout, () => {
    const s = current?.store.state;
    return `; data ${s?.data.status}, run ${JSON.stringify({ ...s?.run, results: undefined })}, errors ${errors.join(' | ')}`;
  });

const data = (app: DmApp) => {
  const d = app.store.state.data;
  if (d.status !== 'ready') throw new Error('no data');
  return d;
};
const charts = (app: DmApp) => [
  ...(shadow(shadow(app)?.querySelector('dm-results'))?.querySelectorAll('dm-chart') ?? []),
];

describe('the workspace', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    for (const el of document.querySelectorAll('dm-app')) el.remove();
  });

  it('loads, runs the default scenario to its stable answer and draws one series per active path', async () => {
    const app = mount(SCENARIOS[0]);
    await until(() => app.store.state.run.status === 'done', 120000);
    const results = app.store.state.run.results!;
    // it stops at its first stable answer, well before its 10 000 runs, and that is one engine run of that many
    const runs = results.runsDone;
    expect(results.stability?.stableAt).to.equal(runs);
    expect(runs).to.be.lessThan(SCENARIOS[0].runs);
    const model = loadModel({ ...SCENARIOS[0], runs }, data(app).municipalities, data(app).capabilities);
    if (!model.ok) throw new Error('bad model');
    expect(JSON.stringify(results)).to.equal(JSON.stringify(simulateAll(model.value)));
    expect(results.scenario.members).to.have.length(14);
    await until(() => charts(app).length >= 3);
    const [cost, net] = charts(app);
    await until(() => !!shadow(cost)?.querySelector('svg'));
    // one labelled panel per path, each with its own median line
    const panelLabels = [...shadow(cost)!.querySelectorAll('svg text')].map((t) => t.textContent);
    for (const label of [
      'Status quo (nuläge)',
      'Samverkan',
      'Omfördelning av ansvar',
      'Sammanläggning',
      'Asymmetrisk ansvarsfördelning',
    ]) {
      expect(panelLabels).to.include(label);
    }
    await until(() => !!shadow(net)?.querySelector('svg'));
    const bars = shadow(net)!.querySelectorAll('svg g[data-mark="bar"] rect');
    expect(bars.length).to.equal(4);
    // the progress display reaches the total
    const header = shadow(shadow(app)!.querySelector('dm-header'))!;
    const done = runs.toLocaleString('sv-SE').replace(/\s/g, ' ');
    // a run that stopped at its stable answer is complete: not "1 200 / 10 000"
    expect(header.querySelector('[data-progress]')!.textContent!.replace(/\s/g, ' ')).to.contain(`${done} / ${done}`);
    // each card's probability says which period it is about (the whole horizon, not one year)
    const periods = [...shadow(shadow(app)!.querySelector('dm-results'))!.querySelectorAll('.card [data-period]')];
    expect(periods).to.have.length(4);
    for (const p of periods) expect(p.textContent).to.equal('Billigare över 10 år');
  });

  it('follows a changed input: the run in flight is cancelled and only the new result shows', async () => {
    const app = mount({ ...fyrbodal, runs: 4000 });
    await until(() => app.store.state.run.status === 'running');
    const firstId = app.store.state.run.id;
    const seen: number[] = [];
    app.store.subscribe((st) => {
      if (st.run.id > firstId && st.run.results) seen.push(st.run.results.scenario.members.length);
    });
    const panel = shadow(shadow(app)!.querySelector('dm-scenario-panel'))!;
    // remove Trollhättan by clicking its chip
    const chip = [...panel.querySelectorAll('.chips button')].find((b) =>
      b.getAttribute('aria-label')?.includes('Trollhättan'),
    ) as HTMLButtonElement;
    chip.click();
    await until(() => app.store.state.run.id > firstId);
    await until(() => app.store.state.run.status === 'done', 60000);
    const results = app.store.state.run.results!;
    expect(results.scenario.members.map((m) => m.code)).to.not.include('1488');
    expect(results.scenario.members).to.have.length(13);
    expect(results.runsDone).to.equal(4000);
    // no partial result of the new run ever showed the old member list
    expect(seen.length).to.be.greaterThan(0);
    expect(seen.every((n) => n === 13)).to.equal(true);
  });

  it('replaces a worker that crashes or hangs and still gives exactly the engine’s figures', async () => {
    const hanging = () =>
      new Worker(URL.createObjectURL(new Blob(['self.onmessage = () => {};'], { type: 'text/javascript' })));
    const crashing = () =>
      new Worker(
        URL.createObjectURL(
          new Blob(['self.onmessage = () => { throw new Error("crash"); };'], { type: 'text/javascript' }),
        ),
      );
    let made = 0;
    const flaky: WorkerFactory = {
      // the first worker hangs, the second crashes, every later one works
      simulation: () => {
        made++;
        return made === 1 ? hanging() : made === 2 ? crashing() : moduleWorkers.simulation();
      },
      aggregate: moduleWorkers.aggregate,
    };
    const scenario = { ...fyrbodal, runs: 600, seed: 5 };
    const app = document.createElement('dm-app');
    app.dataBase = '/public/data/';
    app.workerFactory = flaky;
    app.workerTimeoutMs = 1500;
    app.store.update(loadScenario(structuredClone(scenario)));
    document.body.append(app);
    current = app;
    await until(() => app.store.state.run.status === 'done', 60000);
    expect(made).to.be.greaterThan(2);
    const model = loadModel(scenario, data(app).municipalities, data(app).capabilities);
    if (!model.ok) throw new Error('bad model');
    expect(JSON.stringify(app.store.state.run.results)).to.equal(JSON.stringify(simulateAll(model.value)));
  });

  it('ends a run at once with a message when the summarising worker fails, not after every chunk', async () => {
    // the real aggregator, which crashes when it is asked to add the first chunk
    const real = new URL('../../workers/aggregate.worker.ts', import.meta.url).href;
    // a static import, so that the aggregator is listening before the first message is delivered
    const source = `import ${JSON.stringify(real)}; self.addEventListener('message', (e) => { if (JSON.stringify(e.data).includes('"add"')) throw new Error('aggregator crash'); });`;
    const crashingAggregator: WorkerFactory = {
      simulation: moduleWorkers.simulation,
      aggregate: () =>
        new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' }),
    };
    // 200 000 runs would take minutes if the failure waited for every chunk
    const app = mount({ ...fyrbodal, runs: 200_000 }, crashingAggregator);
    await until(() => app.store.state.run.status === 'error', 60000);
    await app.updateComplete;
    expect(shadow(app)!.querySelector('[data-run-error]')?.textContent).to.contain('Beräkningen misslyckades');
    expect(app.store.state.run.done).to.be.lessThan(200_000);
  });

  it('shows a clear message when workers keep failing, keeps the last result and stays usable', async () => {
    let failing = true;
    const broken: WorkerFactory = {
      simulation: () =>
        failing
          ? new Worker(URL.createObjectURL(new Blob(['throw new Error("boom")'], { type: 'text/javascript' })))
          : moduleWorkers.simulation(),
      aggregate: moduleWorkers.aggregate,
    };
    const app = mount({ ...fyrbodal, runs: 400 }, broken);
    await until(() => app.store.state.run.status === 'error');
    await app.updateComplete;
    const message = shadow(app)!.querySelector('[data-run-error]');
    expect(message?.textContent).to.contain('Beräkningen misslyckades');
    // the app still works: once workers start again, the next edit runs
    failing = false;
    app.dispatchEvent(new CustomEvent('dm-run-settings-change', { detail: { runs: 1000 } }));
    await until(() => app.store.state.run.status === 'done');
    expect(app.store.state.run.results?.runsDone).to.equal(1000);
  });

  it('switches language and tabs, and offers every chart as a table', async () => {
    const app = mount({ ...fyrbodal, runs: 600 });
    await until(() => app.store.state.run.status === 'done');
    const header = shadow(shadow(app)!.querySelector('dm-header'))!;
    (header.querySelector('[data-lang]') as HTMLButtonElement).click();
    await until(() => app.store.state.lang === 'en');
    const results = shadow(shadow(app)!.querySelector('dm-results'))!;
    await until(() => !!results.querySelector('[role="tab"]'));
    expect(results.querySelector('[role="tab"]')!.textContent).to.contain('Cost');
    (results.querySelectorAll('[role="tab"]')[1] as HTMLButtonElement).click();
    await until(() => app.store.state.tab === 'kapacitet');
    await until(() => charts(app).length === 2);
    const chart = charts(app)[0];
    await until(() => !!shadow(chart)?.querySelector('button'));
    (shadow(chart)!.querySelector('button') as HTMLButtonElement).click();
    await until(() => !!shadow(chart)?.querySelector('table'));
    expect(shadow(chart)!.querySelectorAll('tbody tr').length).to.equal(5 * 10);
  });

  it('gives exactly the figures of the engine run directly, as the CLI runs it', async () => {
    const scenario = { ...fyrbodal, runs: 500, seed: 77 };
    const app = mount(scenario);
    await until(() => app.store.state.run.status === 'done');
    const data = app.store.state.data;
    if (data.status !== 'ready') throw new Error('no data');
    const model = loadModel(scenario, data.municipalities, data.capabilities);
    if (!model.ok) throw new Error('bad model');
    expect(JSON.stringify(app.store.state.run.results)).to.equal(JSON.stringify(simulateAll(model.value)));
  });

  it('shows every figure of the data with its source', async () => {
    const app = mount({ ...fyrbodal, runs: 200 });
    await until(() => app.store.state.run.status === 'done');
    app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'data' } }));
    const results = shadow(shadow(app)!.querySelector('dm-results'))!;
    await until(() => !!shadow(results.querySelector('dm-data-view'))?.querySelector('details'));
    const view = shadow(results.querySelector('dm-data-view'))!;
    expect(view.querySelectorAll('details[data-municipality]').length).to.equal(14);
    const first = view.querySelector('details[data-municipality]') as HTMLDetailsElement;
    first.open = true;
    const sources = [...first.querySelectorAll('td.source')].map((td) => td.textContent ?? '');
    // the seven profile figures and IT staff (own, or derived: docs/model.md §14)
    expect(sources.length).to.equal(8);
    expect(sources.every((text) => text.length > 3 && text !== '–')).to.equal(true);
    expect(sources[0]).to.contain('SCB');
    expect(view.querySelectorAll('details[data-capability]').length).to.equal(data(app).capabilities.length);
  });

  it('copies a link that reproduces the same figures in a fresh page', async () => {
    const scenario = structuredClone(SCENARIOS[1]);
    scenario.runs = 800;
    scenario.seed = 4242;
    scenario.paths.asymmetrisk.host = '1492';
    scenario.assumptions = {
      wageGrowth: { dist: 'pert', low: 0.02, mode: 0.04, high: 0.05, source: 'antagande: test' },
    };
    const first = mount(scenario);
    await until(() => first.store.state.run.status === 'done');
    const before = first.store.state.run.results!;
    (shadow(shadow(first)!.querySelector('dm-header'))!.querySelector('[data-copy-link]') as HTMLButtonElement).click();
    await until(() => !!first.store.state.notice?.link);
    const link = first.store.state.notice!.link!;
    expect(link.length).to.be.lessThan(2000);
    first.remove();
    history.replaceState(null, '', new URL(link).hash);
    const second = mount(null);
    await until(
      () => second.store.state.run.status === 'done' && second.store.state.run.results?.scenario.seed === 4242,
    );
    const after = second.store.state.run.results!;
    expect(second.store.state.scenario).to.deep.equal(first.store.state.scenario);
    for (const path of ['status-quo', 'samverkan', 'asymmetrisk'] as const) {
      const a = before.paths[path].npvVsStatusQuo;
      const b = after.paths[path].npvVsStatusQuo;
      expect([b.p10, b.p50, b.p90]).to.deep.equal([a.p10, a.p50, a.p90]);
      expect(after.paths[path].years[9].totalCost).to.deep.equal(before.paths[path].years[9].totalCost);
    }
  });

  it('opens a link that asks for hours of work with fewer runs first, and says how to go on', async () => {
    const all = (await (await fetch('/public/data/municipalities.json')).json()) as { code: string }[];
    const huge = { ...fyrbodal, runs: 1_000_000, horizonYears: 30, members: all.map((m) => m.code) };
    history.replaceState(null, '', `#s=${encodeScenario(huge, SCENARIOS, 'sv')}`);
    const app = mount(null);
    await until(() => app.store.state.scenario.members.length === 290);
    expect(app.store.state.scenario.runs).to.be.lessThan(10_000);
    expect(app.store.state.scenario.horizonYears).to.equal(30);
    const notice = app.store.state.notice?.text.replace(/\s/g, ' ');
    expect(notice).to.contain('1 000 000 körningar');
    expect(notice).to.contain('Kör fler');
    history.replaceState(null, '', location.pathname);
  });

  it('a rejected edit during a run ends the run, marks the figures as the earlier scenario’s and explains beside the field', async () => {
    const app = mount({ ...fyrbodal, runs: 100_000 });
    await until(() => app.store.state.run.status === 'running' && app.store.state.run.results !== null);
    const wrong = { dist: 'pert', low: 900_000, mode: 800_000, high: 950_000, source: 'antagande: test' };
    app.dispatchEvent(new CustomEvent('dm-assumption-change', { detail: { id: 'wageCost', assumption: wrong } }));
    await until(() => app.store.state.issues.length > 0);
    expect(app.store.state.run.status).to.not.equal('running');
    expect(app.store.state.run.outdated).to.equal(true);
    await app.updateComplete;
    const header = shadow(shadow(app)!.querySelector('dm-header'))!;
    await until(() => header.querySelector('[data-progress]')!.textContent!.includes('före den senaste ändringen'));
    const panel = shadow(shadow(app)!.querySelector('dm-scenario-panel'))!;
    await until(() => !!panel.querySelector('[data-field-issue="wageCost"]'));
    expect(panel.querySelector('[data-field-issue="wageCost"]')!.textContent).to.contain('Lägsta');
    // a valid value runs again and the mark goes away
    app.dispatchEvent(new CustomEvent('dm-assumption-change', { detail: { id: 'wageCost', assumption: null } }));
    app.dispatchEvent(new CustomEvent('dm-run-settings-change', { detail: { runs: 1000 } }));
    await until(() => app.store.state.run.status === 'done' && !app.store.state.run.outdated);
  });

  it('names an edited preset as changed in the header and the page title', async () => {
    const app = mount({ ...fyrbodal, runs: 200 });
    await until(() => app.store.state.run.status === 'done');
    const codes = fyrbodal.members.filter((code) => code !== '1492'); // without Åmål
    app.dispatchEvent(new CustomEvent('dm-members-change', { detail: { codes } }));
    const header = shadow(shadow(app)!.querySelector('dm-header'))!;
    await until(() => header.textContent!.includes('Fyrbodal, ändrad: 13 kommuner'));
    await until(() => document.title.startsWith('Fyrbodal, ändrad: 13 kommuner'));
  });

  it('opens the default scenario with a Swedish message when a link is broken', async () => {
    history.replaceState(null, '', '#s=eJzLSM3JyQcABiwCFQ');
    const app = mount(null);
    await until(() => app.store.state.run.status === 'done');
    expect(app.store.state.notice?.kind).to.equal('error');
    expect(app.store.state.notice?.text).to.contain('Länken kunde inte öppnas');
    expect(app.store.state.scenario.id).to.equal('fyrbodal');
    await app.updateComplete;
    expect(shadow(app)!.querySelector('[data-notice]')?.textContent).to.contain('Förvalt scenario visas');
  });

  it('shows the engine’s first runs at once, then only pictures of more runs, and the same final figures', async () => {
    const scenario = { ...fyrbodal, runs: 1000, seed: 31 };
    const app = mount(scenario);
    const pictures: { done: number; json: string }[] = [];
    app.store.subscribe((st) => {
      const r = st.run.results;
      if (r && st.run.status === 'running' && pictures.at(-1)?.done !== r.runsDone)
        pictures.push({ done: r.runsDone, json: JSON.stringify(r) });
    });
    await until(() => app.store.state.run.status === 'done');
    const model = loadModel(scenario, data(app).municipalities, data(app).capabilities);
    if (!model.ok) throw new Error('bad model');
    // the first picture is the first worker's own summary of runs 0 … FIRST_LOOK_RUNS − 1
    expect(pictures[0].done).to.equal(FIRST_LOOK_RUNS);
    expect(pictures[0].json).to.equal(JSON.stringify(simulateAll(model.value, FIRST_LOOK_RUNS)));
    for (let i = 1; i < pictures.length; i++) expect(pictures[i].done).to.be.greaterThan(pictures[i - 1].done);
    // the shortcut leaves the final result as one run of the full count
    expect(JSON.stringify(app.store.state.run.results)).to.equal(JSON.stringify(simulateAll(model.value)));
  });

  it('keeps the drawn charts when the page changes for another reason than new results', async () => {
    const app = mount({ ...fyrbodal, runs: 300 });
    await until(() => app.store.state.run.status === 'done');
    await until(() => charts(app).length >= 3 && charts(app).every((c) => !!shadow(c)?.querySelector('svg')));
    // let the first layout's redraws (a chart redraws when its width settles) pass
    await new Promise((resolve) => setTimeout(resolve, 500));
    const elements = charts(app);
    const figures = charts(app).map((c) => shadow(c)!.querySelector('.figure > *'));
    const before = app.store.state.run.results;
    const widths = charts(app).map((c) => c.clientWidth);
    // saving re-renders the results area (its saved list changes) with the same results
    app.dispatchEvent(new CustomEvent('dm-save', { detail: { name: 'Oförändrad' } }));
    await until(() => app.store.state.saved.items.some((s) => s.name === 'Oförändrad'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.store.state.run.results === before, 'same results').to.equal(true);
    expect(charts(app).map((c) => c.clientWidth)).to.deep.equal(widths);
    expect(charts(app)).to.deep.equal(elements);
    expect(charts(app).map((c) => shadow(c)!.querySelector('.figure > *'))).to.deep.equal(figures);
    // new results do redraw them
    app.dispatchEvent(new CustomEvent('dm-run-more', { detail: {} }));
    await until(() => app.store.state.run.status === 'done' && app.store.state.run.results?.runsDone === 600);
    await until(() => shadow(charts(app)[0])!.querySelector('.figure > *') !== figures[0]);
  });

  it('runs more by continuing the sequence, matching a single larger run exactly', async () => {
    const app = mount({ ...fyrbodal, runs: 400, seed: 99 });
    await until(() => app.store.state.run.status === 'done');
    app.dispatchEvent(new CustomEvent('dm-run-more', { detail: {} }));
    await until(() => app.store.state.run.status === 'done' && app.store.state.run.results?.runsDone === 800);
    const continued = app.store.state.run.results!;
    expect(app.store.state.scenario.runs).to.equal(800);
    const model = loadModel({ ...fyrbodal, runs: 800, seed: 99 }, data(app).municipalities, data(app).capabilities);
    if (!model.ok) throw new Error('bad model');
    expect(JSON.stringify(continued)).to.equal(JSON.stringify(simulateAll(model.value)));
  });

  it('previews a few hundred runs while a value is dragged, then continues them to the full count', async () => {
    const app = mount({ ...fyrbodal, runs: 1200, seed: 7 });
    await until(() => app.store.state.run.status === 'done');
    const panel = shadow(shadow(app)!.querySelector('dm-scenario-panel'))!;
    const slider = panel.querySelector('#a-realisationShared-slide') as HTMLInputElement;
    expect(slider, 'a slider for the most likely realisation share').to.exist;
    const previews: { id: number; total: number }[] = [];
    app.store.subscribe((st) => {
      if (st.run.preview && st.run.results && st.run.done > 0) previews.push({ id: st.run.id, total: st.run.total });
    });
    // a drag: several values in quick succession inside the default range (0–0.3), the last one 0.25
    for (const value of ['0.12', '0.15', '0.2', '0.25']) {
      slider.value = value;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
    }
    await until(() => app.store.state.run.preview && app.store.state.run.status === 'done');
    const preview = app.store.state.run.results!;
    expect(preview.runsDone).to.equal(300);
    // the slider snaps to its step: the scenario holds the value it shows
    expect(app.store.state.scenario.assumptions?.realisationShared).to.include({ mode: Number(slider.value) });
    expect(Number(slider.value)).to.be.closeTo(0.25, 0.01);
    // what showed last during the drag belongs to the last value, never to an earlier one
    expect(previews.length).to.be.greaterThan(0);
    const lastId = previews.at(-1)!.id;
    expect(previews.filter((p) => p.id === lastId).every((p) => p.total === 300)).to.equal(true);
    // the preview is exactly the first 300 runs of the dragged scenario
    const scenario = app.store.state.scenario as Scenario;
    const model = (runs: number) => {
      const m = loadModel({ ...scenario, runs }, data(app).municipalities, data(app).capabilities);
      if (!m.ok) throw new Error('bad model');
      return m.value;
    };
    expect(JSON.stringify(preview.paths.samverkan.npvVsStatusQuo)).to.equal(
      JSON.stringify(simulateAll(model(300)).paths.samverkan.npvVsStatusQuo),
    );
    // letting go continues the same runs to the full count: the same figures as one full run
    const previewId = app.store.state.run.id;
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => app.store.state.run.id > previewId && app.store.state.run.status === 'done');
    expect(app.store.state.run.preview).to.equal(false);
    const full = app.store.state.run.results!;
    expect(full.runsDone).to.equal(1200);
    expect(JSON.stringify(full.paths)).to.equal(JSON.stringify(simulateAll(model(1200)).paths));
    expect(location.hash).to.contain('s=');
  });

  it('logs no errors and sends no request outside its own origin', () => {
    expect(
      errors.filter((e) => !e.includes('boom') && !e.includes('crash') && !e.includes('worker error')),
    ).to.deep.equal([]);
    const foreign = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((url) => new URL(url).origin !== location.origin && !url.startsWith('blob:'));
    expect(foreign).to.deep.equal([]);
  });
});
