import { css, html, LitElement } from 'lit';
import { mapInputs } from '../app/capability-map.js';
import { coalitionNames } from '../app/coalition.js';
import { capacityCharts } from '../charts/capacity.js';
import { costCharts } from '../charts/cost.js';
import type { ChartSpec } from '../charts/spec.js';
import { thresholdCharts, thresholdInputs } from '../charts/thresholds.js';
import { uncertaintyCharts } from '../charts/uncertainty.js';
import { StoreController } from '../controllers/store-controller.js';
import { ASSUMPTIONS, type AssumptionId, centralValue } from '../engine/index.js';
import { emit } from '../events.js';
import { formatAssumptionValue, formatNumber, type Lang, listOf, pick, t } from '../i18n.js';
import { SCENARIOS } from '../scenarios.js';
import { type AppState, analysedResults } from '../state/app-state.js';
import { weaknesses } from '../state/capability-map.js';
import { coalitionStale } from '../state/coalition.js';
import { fill } from '../state/map-text.js';
import { encodeScenario } from '../state/scenario-link.js';
import { scenarioName } from '../state/scenario-name.js';
import { leadNote, methodNote, noGainNote, topGroupings } from '../summary/coalition.js';
import { summarySentences } from '../summary/sentences.js';
import { todayFigures, todaySentences } from '../summary/today.js';
import './dm-capability-heatmap.js';
import './dm-coalition-keys.js';
import './dm-chart.js';

/** How many of the weakest capabilities the summary's heatmap shows. */
const SUMMARY_MAP_ROWS = 15;

/** The inputs a lay reader most needs to see, besides any the scenario changed. */
const KEY_ASSUMPTIONS: AssumptionId[] = [
  'budgetPerInhabitant',
  'wageGrowth',
  'realisationShared',
  'realisationMerger',
  'transitionShareShared',
  'governanceOverhead',
];

/**
 * The four charts of the summary, in reading order: cost, net effect, capacity, and what would have to be
 * true — the share of runs cheaper across the range of the input that decides most paths, beside its
 * assumed range. Until the thresholds are computed the fourth is the probability by year.
 */
export function summaryCharts(results: NonNullable<AppState['run']['results']>, lang: Lang): ChartSpec[] {
  const [cost, net] = costCharts(results, lang);
  const [capacity] = capacityCharts(results, lang);
  const thresholds = results.thresholds;
  if (thresholds && thresholds.thresholds.length > 0) {
    const input = decidingInput(results);
    const chart = thresholdCharts(thresholds, lang)[thresholdInputs(thresholds).indexOf(input)];
    if (chart) return [cost, net, capacity, chart];
  }
  const [probability] = uncertaintyCharts(results, lang);
  return [cost, net, capacity, probability];
}

/** The threshold input that is the strongest driver of most paths (ties: the larger EVPPI). */
function decidingInput(results: NonNullable<AppState['run']['results']>): AssumptionId {
  const inputs = thresholdInputs(results.thresholds as NonNullable<typeof results.thresholds>);
  const drives = (id: AssumptionId) =>
    Object.values(results.paths).filter((p) => p.enabled && p.sensitivity.npvVsStatusQuo[0]?.input === id).length;
  const value = (id: AssumptionId) => results.decision?.evppi.find((e) => e.input === id)?.value ?? 0;
  return [...inputs].sort((a, b) => drives(b) - drives(a) || value(b) - value(a))[0];
}

/**
 * The politicians' page: a few plain sentences, four charts, the key assumptions with sources, the
 * members, the runs and seed, and the link that reproduces it. Prints on at most two A4 pages.
 */
export class DmSummary extends LitElement {
  static styles = css`
    :host { display: block; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
    h2 { font-size: 1.5rem; margin: 0.5rem 0 0.25rem; }
    .lead { font-size: 1.05rem; line-height: 1.5; }
    .lead li { margin: 0 0 0.35rem; }
    h3 { font-size: 1.1rem; margin: 1.5rem 0 0.4rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
    th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.4rem; border-bottom: 1px solid #ddd; }
    .facts { font-size: 0.9rem; color: #333; }
    .link { word-break: break-all; font-size: 0.75rem; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.5rem 0 1rem; }
    .toolbar button { font: inherit; font-size: 0.85rem; border: 1px solid #12355b; color: #12355b; background: #fff; border-radius: 4px; padding: 0.25rem 0.7rem; cursor: pointer; }
    .toolbar button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .empty { color: #555; }
    .example { border: 2px solid #b35806; background: #fff3e0; color: #5a2d00; font-weight: 700; padding: 0.3rem 0.6rem; border-radius: 4px; }
    @media (max-width: 800px) {
      :host { padding: 1rem 0.75rem 3rem; }
      .lead { padding-left: 1.25rem; }
    }
    /* narrow (phone, high zoom): each assumption's name, range and source one under the other */
    @media (max-width: 600px) {
      table, tbody, tr, td { display: block; }
      thead { display: none; }
      tr { border-bottom: 1px solid #ddd; padding: 0.3rem 0; }
      td { border: none; padding: 0.1rem 0.4rem; overflow-wrap: anywhere; }
      td:first-child { font-weight: 600; }
    }
    @media print {
      :host { padding: 0; max-width: none; }
      .toolbar { display: none; }
      h2 { font-size: 16pt; }
      .lead { font-size: 9.5pt; line-height: 1.3; }
      .lead li { margin-bottom: 0.15rem; }
      /* four charts and the conditions on two A4 pages (test/print/built-app.test.ts) */
      dm-chart { zoom: 0.76; }
      [data-today] { font-size: 8pt; margin-top: 0; }
      h3.today { font-size: 10pt; margin: 0.3rem 0 0; }
      .link { font-size: 6.5pt; }
      h3 { font-size: 12pt; margin-top: 0.6rem; }
      dm-chart, section[data-summary-map] { break-inside: avoid; }
      table, .facts { font-size: 7.5pt; }
      th, td { padding: 0.1rem 0.3rem; }
    }
  `;

  private readonly view = new StoreController(this, (s: AppState) => s);

  render() {
    const s = this.view.value;
    if (!s) return html``;
    const { lang, run, scenario } = s;
    const results = analysedResults(run);
    if (!results) return html`<p class="empty">${t('noResults', lang)}</p>`;
    const searching = run.thresholdSearch.status === 'running';
    const members = results.scenario.members.map((m) => m.name).join(', ');
    const changed = Object.keys(scenario.assumptions ?? {}) as AssumptionId[];
    const shown = ASSUMPTIONS.filter((a) => KEY_ASSUMPTIONS.includes(a.id) || changed.includes(a.id));
    const range = (id: AssumptionId) => {
      const a = scenario.assumptions?.[id] ?? ASSUMPTIONS.find((x) => x.id === id)!.default;
      const def = ASSUMPTIONS.find((x) => x.id === id)!;
      const f = (x: number) => formatAssumptionValue(def, x, lang);
      return a.dist === 'pert' || a.dist === 'triangular'
        ? `${f(a.low)} – ${f(a.mode)} – ${f(a.high)}`
        : f(centralValue(a));
    };
    return html`
      <h2>${t('summary', lang)}: ${scenarioName(results.scenario, SCENARIOS, lang)}</h2>
      <div class="toolbar" role="toolbar" aria-label=${t('export', lang)}>
        <button type="button" @click=${() => emit(this, 'dm-view-change', { view: 'workspace' })}>${t('backToWorkspace', lang)}</button>
        <button type="button" @click=${() => window.print()}>${t('print', lang)}</button>
        <button type="button" @click=${() => emit(this, 'dm-view-change', { view: 'presenter' })}>${t('present', lang)}</button>
        <button type="button" data-export="results-csv" @click=${() => emit(this, 'dm-export', { what: 'results-csv' })}>${t('resultsCsv', lang)}</button>
        <button type="button" data-export="municipalities-csv" @click=${() => emit(this, 'dm-export', { what: 'municipalities-csv' })}>${t('byMunicipalityCsv', lang)}</button>
        <button type="button" data-export="results-json" @click=${() => emit(this, 'dm-export', { what: 'results-json' })}>${t('resultsJson', lang)}</button>
        <button type="button" data-export="runs-csv" @click=${() => emit(this, 'dm-export', { what: 'runs-csv' })}>${t('allRunsCsv', lang)}</button>
      </div>
      <ul class="lead" data-sentences>${summarySentences(results, lang).map((text) => html`<li>${text}</li>`)}</ul>
      <h3 class="today">${t('todayAndFullEngine', lang)}</h3>
      <ul class="lead" data-today>${todaySentences(
        todayFigures(results, scenario, s.data.status === 'ready' ? s.data.capabilities.length : 0),
        lang,
      ).map((text) => html`<li>${text}</li>`)}</ul>
      ${
        searching
          ? html`<p class="facts" role="status" data-threshold-search>${t(
              'theThresholdsWhatWould',
              lang,
              run.thresholdSearch.done,
              run.thresholdSearch.total || '…',
            )}</p>`
          : ''
      }
      ${summaryCharts(results, lang).map((spec) => html`<dm-chart .spec=${spec} .lang=${lang} exportable></dm-chart>`)}
      ${summaryMap(s)}
      ${summaryCoalition(s)}
      <h3>${t('keyAssumptions', lang)}</h3>
      <table>
        <thead><tr><th scope="col">${t('assumption', lang)}</th><th scope="col">${t('lowLikelyHigh', lang)}</th><th scope="col">${t('source', lang)}</th></tr></thead>
        <tbody>${shown.map(
          (a) =>
            html`<tr><td>${pick(a.label, lang)}</td><td>${range(a.id)}</td><td>${(scenario.assumptions?.[a.id] ?? a.default).source}</td></tr>`,
        )}</tbody>
      </table>
      <h3>${t('aboutTheComputation', lang)}</h3>
      <p class="facts">${t('members', lang)}: ${members}.<br />
        ${formatNumber(results.runsDone, lang)} ${t('simulations', lang)}, ${t('seedLower', lang)} ${results.scenario.seed}, ${results.years[0]}–${results.years[results.years.length - 1]},
        ${t('fixedPricesDiscountRate', lang, results.years[0])} ${formatNumber(results.scenario.discountRate * 100, lang, 1)} %.
        ${t('theModelIsDescribed', lang)}</p>
      <p class="facts">${t('linkThatReproducesThese', lang)}:<br /><span class="link" data-summary-link>${`${location.origin}${location.pathname}#sammanfattning&s=${encodeScenario(scenario, SCENARIOS, lang)}`}</span></p>
    `;
  }
}

/** The capability map's shared weaknesses, when the scenario has a map with an assessed member. */
function summaryMap(s: AppState) {
  const { lang } = s;
  const map = s.scenario.capabilityMap;
  if (!map) return '';
  const { members, catalogue } = mapInputs(s);
  const w = weaknesses(
    map,
    members.map((m) => m.code),
    catalogue,
  );
  if (w.assessed.length === 0) return '';
  const half = w.rows.filter((r) => r.weak.length * 2 >= w.assessed.length).length;
  return html`<section data-summary-map>
    <h3>${t('mapSummaryHeading', lang)}</h3>
    ${map.example ? html`<p class="example" data-map-example>${t('mapExample', lang)}</p>` : ''}
    <p class="facts">${fill('mapSummarySentence', lang, { n: half, total: catalogue.length, members: w.assessed.length })}
      ${fill('mapSummaryTop', lang, { n: Math.min(SUMMARY_MAP_ROWS, w.rows.length) })}
      ${map.source ? html`${t('source', lang)}: ${map.source}.` : ''}</p>
    <dm-capability-heatmap .lang=${lang} .weaknesses=${w} .names=${new Map(members.map((m) => [m.code, m.name]))} limit=${SUMMARY_MAP_ROWS}></dm-capability-heatmap>
  </section>`;
}

/** Who with whom: the top groupings in words and the chosen group's keys, when the finder has a result for this scenario. */
function summaryCoalition(s: AppState) {
  const { lang, coalition } = s;
  const result = coalition.finder.result;
  if (!result || coalitionStale(coalition, s.scenario)) return '';
  const names = coalitionNames(s);
  const noGain = noGainNote(result, names, lang, s.coalition.finder.scenario ?? null);
  const sharing = coalition.sharing.result;
  const group = coalition.chosen ? result.groupings[coalition.chosen.grouping]?.groups[coalition.chosen.group] : null;
  return html`<section data-summary-coalition>
    <h3>${t('coalitionSummaryHeading', lang)}</h3>
    <ol class="lead" data-top-groupings>${topGroupings(result, names, lang).map((line) => html`<li>${line}</li>`)}</ol>
    <p class="facts">${noGain ? `${noGain.join(' ')} ` : ''}${methodNote(result, lang)}${leadNote(result, lang) ? ` ${leadNote(result, lang)}` : ''}</p>
    ${
      sharing && group
        ? html`<h3>${t(
            'coalitionKeysHeading',
            lang,
            listOf(
              group.members.map((c) => names.name(c)),
              lang,
            ),
          )}</h3>
          <p class="facts">${t('coalitionKeysIntro', lang, s.scenario.horizonYears, formatNumber(sharing.runs, lang))}</p>
          <dm-coalition-keys .sharing=${sharing} .names=${names} .lang=${lang} .fixedShare=${coalition.settings.fixedShare}
            .years=${s.scenario.horizonYears}></dm-coalition-keys>`
        : ''
    }
  </section>`;
}

customElements.define('dm-summary', DmSummary);
declare global {
  interface HTMLElementTagNameMap {
    'dm-summary': DmSummary;
  }
}
