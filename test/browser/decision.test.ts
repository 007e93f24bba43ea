import { expect } from '@open-wc/testing';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { assumptionDef } from '../../src/engine/index.js';
import {
  formatAssumptionSpread,
  formatAssumptionValue,
  formatMsek,
  formatNumber,
  formatPercent,
} from '../../src/i18n.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { loadScenario, thresholdSearchProgressed, thresholdsComputed } from '../../src/state/actions.js';
import { shadow, until } from './helpers.js';

/** Text with every kind of space as a plain one, so that "27,0 %" matches "27,0 %" (no-break space). */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

describe('the decision tab (Beslut)', () => {
  let app: DmApp;
  const decisionView = () => shadow(shadow(shadow(app)!.querySelector('dm-results'))!.querySelector('dm-decision'))!;
  const settle = async () => {
    await app.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
  };

  before(async () => {
    document.documentElement.lang = 'sv';
    app = document.createElement('dm-app');
    app.dataBase = '/public/data/';
    // Dalsland (five members) with few runs: the threshold search re-runs at most 200 of them per point
    const dalsland = SCENARIOS.find((s) => s.id === 'dalsland')!;
    app.store.update(loadScenario({ ...structuredClone(dalsland), runs: 400 }));
    document.body.append(app);
    await until(() => app.store.state.run.status === 'done', 45000);
    app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'beslut' } }));
    await until(
      () =>
        app.store.state.run.decision !== null &&
        app.store.state.run.thresholds !== null &&
        app.store.state.run.thresholdSearch.status === 'done',
      50000,
    );
    await settle();
  });
  after(() => app.remove());

  it('is a tab of its own, reached like the others', () => {
    const tab = shadow(shadow(app)!.querySelector('dm-results'))!.querySelector('#tab-beslut')!;
    expect(tab.getAttribute('aria-selected')).to.equal('true');
    expect(plain(tab.textContent)).to.equal('Beslut');
  });

  it('states each threshold with the figures of the search, traced back to the store', () => {
    const analysis = app.store.state.run.thresholds!;
    expect(analysis.thresholds.length).to.be.greaterThan(0);
    const view = decisionView();
    for (const th of analysis.thresholds) {
      const def = assumptionDef(th.input);
      const item = view.querySelector(`li[data-path="${th.path}"][data-input="${th.input}"]`);
      expect(item, `${th.path} ${th.input}`).to.not.equal(null);
      const text = plain(item!.textContent);
      if (th.value !== null && (th.cheaperWhen === 'above' || th.cheaperWhen === 'below')) {
        expect(text).to.contain(plain(formatAssumptionValue(def, th.value, 'sv')));
        expect(text).to.contain(th.cheaperWhen === 'above' ? 'minst' : 'högst');
        expect(text).to.contain(`${plain(formatPercent(th.priorShareCheaper, 'sv'))} av scenariots antagande`);
      } else {
        expect(text).to.contain(th.cheaperWhen === 'never' ? 'blir inte billigare' : 'för varje värde');
        expect(text).to.contain(plain(formatAssumptionValue(def, th.range[0], 'sv')));
        expect(text).to.contain(plain(formatAssumptionValue(def, th.range[1], 'sv')));
      }
      if (th.check !== null) {
        // the check's median with its sign, and its size against status quo's cost
        expect(text).to.contain(`${th.check < 0 ? '−' : ''}${plain(formatMsek(Math.abs(th.check), 'sv', 1))}`);
        expect(text).to.contain(plain(formatPercent(Math.abs(th.check) / analysis.statusQuoNpv, 'sv', 2)));
      }
      // the threshold's standard error, in the input's unit
      if (th.se !== null) expect(text).to.contain(plain(formatAssumptionSpread(def, th.se, 'sv')));
      // the scenario's own range and source, once per input
      const group = view.querySelector(`.group[data-input="${th.input}"]`)!;
      const prior = plain(group.querySelector('[data-prior]')!.textContent);
      expect(prior).to.contain(plain(formatAssumptionValue(def, th.priorRange[0], 'sv')));
      expect(prior).to.contain(plain(formatAssumptionValue(def, th.priorRange[1], 'sv')));
      const source = th.source || (app.store.state.scenario.assumptions?.[th.input] ?? def.default).source;
      expect(plain(group.querySelector('[data-source]')!.textContent)).to.contain(plain(source));
    }
  });

  it('says the yearly saving each path lacks, and nothing for a path that breaks even', () => {
    const decision = app.store.state.run.decision!;
    const view = decisionView();
    for (const [path, plane] of Object.entries(decision.plane)) {
      const item = view.querySelector(`[data-savings] li[data-path="${path}"]`);
      if (plane.requiredYearlySaving > 0) {
        const text = plain(item?.textContent);
        expect(text).to.contain(plain(formatMsek(plane.requiredYearlySaving, 'sv', 0)));
        expect(text).to.contain(plain(formatPercent(plane.requiredSavingShare, 'sv', 1)));
      } else expect(item).to.equal(null);
    }
  });

  it('puts the cost–capacity shares, the correlation and the value of information in words', () => {
    const decision = app.store.state.run.decision!;
    const view = decisionView();
    for (const [path, plane] of Object.entries(decision.plane)) {
      const text = plain(view.querySelector(`[data-quadrants] li[data-path="${path}"]`)?.textContent);
      const largest = Math.max(...Object.values(plane.quadrants));
      expect(text).to.contain(plain(formatPercent(largest, 'sv')));
      expect(text).to.contain(
        plain(formatNumber(Math.abs(plane.capacityPerYear) < 0.05 ? 0 : plane.capacityPerYear, 'sv', 1)),
      );
      // the note names exactly the paths whose axes move together
      const note = plain(view.querySelector('[data-plane-note]')?.textContent);
      const named = note.includes(plain(formatNumber(plane.correlation ?? 0, 'sv', 2)));
      if (plane.correlation !== null && Math.abs(plane.correlation) >= 0.5) expect(named).to.equal(true);
    }
    const evppi = [...view.querySelectorAll('[data-evppi]')].map((p) => plain(p.textContent)).join(' ');
    expect(evppi).to.contain(plain(formatMsek(decision.evpi, 'sv', 1)));
    const top = decision.evppi[0];
    if (top && top.value >= 50_000) expect(evppi).to.contain(plain(formatMsek(top.value, 'sv', 1)));
  });

  it('draws every chart with its table alternative', async () => {
    const view = decisionView();
    const charts = [...view.querySelectorAll('dm-chart')];
    const inputs = new Set(app.store.state.run.thresholds!.thresholds.map((t) => t.input));
    // one per threshold input, the plane, the acceptability curve and (when any input is worth it) EVPPI
    expect(charts.length).to.be.at.least(inputs.size + 2);
    await until(() => charts.every((c) => !!shadow(c)?.querySelector('.figure svg')), 20000);
    for (const chart of charts) {
      const root = shadow(chart)!;
      const toggle = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Visa som tabell'))!;
      toggle.click();
      await chart.updateComplete;
      const table = root.querySelector('table');
      expect(table, chart.spec?.id).to.not.equal(null);
      expect(table!.querySelectorAll('tbody tr').length).to.be.greaterThan(0);
      toggle.click();
      await chart.updateComplete;
    }
    // the acceptability table has a row per λ and a column per option, status quo included
    const best = app.store.state.run.decision!.acceptability;
    const acceptability = charts.find((c) => c.spec?.id === 'acceptability')!;
    expect(acceptability.spec!.table.rows.length).to.equal(best.lambdas.length);
    expect(acceptability.spec!.table.columns.length).to.equal(1 + Object.keys(best.best).length);
  });

  it('asks the app to show an input’s editor from “Pröva egen bedömning”', async () => {
    const button = decisionView().querySelector<HTMLButtonElement>('button[data-try]')!;
    const asked = new Promise<string>((resolve) =>
      app.addEventListener('dm-focus-assumption', (e) => resolve(e.detail.id), { once: true }),
    );
    button.click();
    expect(await asked).to.equal(button.dataset.try);
    // the scenario panel then has that input's first field focused, with the threshold noted beside it
    const panel = shadow(shadow(app)!.querySelector('dm-scenario-panel'))!;
    await until(() => panel.activeElement?.closest('[data-assumption]') != null, 5000);
    expect(panel.activeElement!.closest('[data-assumption]')!.getAttribute('data-assumption')).to.equal(
      button.dataset.try,
    );
    const note = panel.querySelector(`[data-threshold-note="${button.dataset.try}"]`);
    const crossing = app.store.state.run.thresholds!.thresholds.filter(
      (t) => t.input === button.dataset.try && t.value !== null,
    );
    if (crossing.length > 0) {
      const def = assumptionDef(crossing[0].input);
      expect(plain(note?.textContent)).to.contain(plain(formatAssumptionValue(def, crossing[0].value!, 'sv')));
    } else expect(note).to.equal(null);
  });

  it('shows the search’s progress and a failed search in words', async () => {
    const { id } = app.store.state.run;
    const analysis = app.store.state.run.thresholds!;
    app.store.update(thresholdSearchProgressed(id, 'running', 12, 30));
    await settle();
    expect(plain(decisionView().querySelector('[data-threshold-progress]')?.textContent)).to.equal(
      'Söker brytpunkter … 12 av 30',
    );
    app.store.update(thresholdSearchProgressed(id, 'error'));
    await settle();
    expect(plain(decisionView().querySelector('[data-threshold-error]')?.textContent)).to.contain(
      'kunde inte beräknas',
    );
    app.store.update(thresholdsComputed(id, structuredClone(analysis)));
    await settle();
    expect(decisionView().querySelector('[data-threshold-progress], [data-threshold-error]')).to.equal(null);
  });

  it('changes every text with the language', async () => {
    const before = plain(decisionView().textContent);
    expect(before).to.contain('Vad måste vara sant?');
    app.dispatchEvent(new CustomEvent('dm-lang-change', { detail: { lang: 'en' } }));
    await settle();
    const view = decisionView();
    const after = plain(view.textContent);
    expect(after).to.contain('What would have to be true?');
    expect(after).to.contain('Cost against development capacity');
    expect(after).to.not.contain('Vad måste vara sant?');
    expect(after).to.not.contain('körningarna');
    const th = app.store.state.run.thresholds!.thresholds.find((t) => t.value !== null);
    if (th) {
      const claim = plain(view.querySelector(`li[data-path="${th.path}"][data-input="${th.input}"]`)!.textContent);
      expect(claim).to.contain('cheaper than status quo in the median');
      expect(claim).to.contain(plain(formatAssumptionValue(assumptionDef(th.input), th.value!, 'en')));
    }
    const tab = shadow(shadow(app)!.querySelector('dm-results'))!.querySelector('#tab-beslut')!;
    expect(plain(tab.textContent)).to.equal('Decision');
    const charts = [...view.querySelectorAll('dm-chart')];
    expect(charts.every((c) => c.lang === 'en')).to.equal(true);
    expect(charts.find((c) => c.spec?.id === 'acceptability')!.spec!.title).to.equal(
      'Probability of being the best choice',
    );
    app.dispatchEvent(new CustomEvent('dm-lang-change', { detail: { lang: 'sv' } }));
    await settle();
  });
});
