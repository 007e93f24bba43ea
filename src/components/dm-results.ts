import { css, html, LitElement, nothing } from 'lit';
import { capabilityCharts } from '../charts/capabilities.js';
import { capacityCharts } from '../charts/capacity.js';
import { comparisonCharts } from '../charts/comparison.js';
import { costCharts } from '../charts/cost.js';
import { headline } from '../charts/headline.js';
import { activePaths, PATH_COLOUR } from '../charts/series.js';
import type { ChartSpec } from '../charts/spec.js';
import { uncertaintyCharts } from '../charts/uncertainty.js';
import { StoreController } from '../controllers/store-controller.js';
import { assumptionDef, type PathId, PROBABILITY_TOLERANCE, type Results } from '../engine/index.js';
import { emit } from '../events.js';
import {
  formatAssumptionValue,
  formatMsek,
  formatNumber,
  formatPercent,
  type Lang,
  PATH_LABEL,
  pick,
  type StringKey,
  t,
} from '../i18n.js';
import { MAX_COMPARE } from '../state/actions.js';
import type { Tab } from '../state/app-state.js';
import type { SavedScenario } from '../state/saved-scenarios.js';
import './dm-capability-map.js';
import './dm-coalition.js';
import './dm-chart.js';
import './dm-data-view.js';
import './dm-decision.js';

const TABS: [Tab, StringKey][] = [
  ['kostnad', 'tabCost'],
  ['kapacitet', 'tabCapacity'],
  ['formagor', 'tabCapabilities'],
  ['formagekarta', 'tabCapabilityMap'],
  ['kommuner', 'tabMunicipalities'],
  ['vemmedvem', 'tabCoalition'],
  ['osakerhet', 'tabUncertainty'],
  ['beslut', 'tabDecision'],
  ['jamforelse', 'tabCompare'],
  ['data', 'tabData'],
];

type MakeSpecs = (results: Results, lang: Lang) => ChartSpec[];

/** The results area: headline cards, tabs and the charts of the chosen tab. A container. */
export class DmResults extends LitElement {
  static styles = css`
    :host { display: block; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(12.5rem, 1fr)); gap: 0.6rem; margin-bottom: 1rem; }
    .card { border: 1px solid #ccc; border-top: 5px solid var(--c); border-radius: 6px; padding: 0.5rem 0.7rem; background: #fff; }
    .card h3 { font-size: 0.9rem; margin: 0 0 0.3rem; }
    .card dl { margin: 0; display: grid; grid-template-columns: auto auto; gap: 0.1rem 0.5rem; font-size: 0.8rem; }
    .card dt { color: #444; }
    .card dd { margin: 0; text-align: right; font-weight: 600; white-space: nowrap; }
    [role='tablist'] { display: flex; flex-wrap: wrap; gap: 0.25rem; border-bottom: 2px solid #12355b; margin-bottom: 1rem; }
    [role='tab'] { font: inherit; border: 1px solid #aaa; border-bottom: none; background: #f2f2f2; padding: 0.4rem 0.9rem; cursor: pointer; border-radius: 6px 6px 0 0; }
    [role='tab'][aria-selected='true'] { background: #12355b; color: #fff; border-color: #12355b; }
    [role='tab']:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .empty { color: #555; padding: 2rem 0; }
    table { border-collapse: collapse; font-size: 0.85rem; width: 100%; }
    th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; text-align: right; white-space: nowrap; }
    /* headings and the names in the first column wrap, so that long input names do not push figures out of view */
    th { white-space: normal; vertical-align: bottom; }
    th:first-child, td:first-child { text-align: left; white-space: normal; min-width: 16ch; }
    /* a swing "low → high" may break at its arrow, each amount stays whole */
    table[data-swings] td { white-space: normal; }
    .amount { white-space: nowrap; }
    .table-wrap { overflow-x: auto; }
    .note { font-size: 0.85rem; color: #444; max-width: 75ch; }
    .more { font: inherit; font-size: 0.9rem; border: 1px solid #12355b; color: #12355b; background: #fff; border-radius: 4px; padding: 0.3rem 0.8rem; cursor: pointer; }
    .more:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
  `;

  private readonly results = new StoreController(this, (s) => s.run.results);
  private readonly language = new StoreController(this, (s) => s.lang);
  private readonly status = new StoreController(this, (s) => s.run.status);
  private readonly swings = new StoreController(this, (s) => s.run.swings);
  private readonly savedItems = new StoreController(this, (s) => s.saved.items);
  private readonly compareIds = new StoreController(this, (s) => s.compare);
  private readonly compareRuns = new StoreController(this, (s) => s.compareRuns);
  /** The comparison's specs, kept while the same scenarios are shown (progress of a run re-renders). */
  private compareSpecs?: { shown: SavedScenario[]; lang: Lang; specs: ChartSpec[] };
  private readonly activeTab = new StoreController(this, (s) => s.tab);
  private readonly specCache = new WeakMap<Results, Map<MakeSpecs, { lang: Lang; specs: ChartSpec[] }>>();

  render() {
    const results = this.results.value;
    const lang = this.language.value ?? 'sv';
    if (!results) return html`<p class="empty">${t('noResults', lang)}</p>`;
    const tab = this.activeTab.value ?? 'kostnad';
    return html`
      ${this.cards(results, lang)}
      <div role="tablist" aria-label=${t('tabCost', lang)}>
        ${TABS.map(
          ([
            id,
            key,
          ]) => html`<button role="tab" id="tab-${id}" aria-controls="panel" aria-selected=${id === tab ? 'true' : 'false'} tabindex=${id === tab ? 0 : -1}
            @click=${() => emit(this, 'dm-tab-change', { tab: id })} @keydown=${(e: KeyboardEvent) => this.arrow(e, id)}>${t(key, lang)}</button>`,
        )}
      </div>
      <section id="panel" role="tabpanel" aria-labelledby="tab-${tab}">${this.panel(results, tab, lang)}</section>
    `;
  }

  private arrow(event: KeyboardEvent, current: Tab): void {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const i = TABS.findIndex(([id]) => id === current);
    const next = TABS[(i + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length][0];
    emit(this, 'dm-tab-change', { tab: next });
    void this.updateComplete.then(() => (this.renderRoot.querySelector(`#tab-${next}`) as HTMLElement | null)?.focus());
  }

  private cards(results: Results, lang: Lang) {
    const last = results.years[results.years.length - 1];
    return html`<div class="cards">
      ${activePaths(results).map((path) => {
        const h = headline(results, path, lang);
        return html`<article class="card" style="--c:${PATH_COLOUR[path]}" data-path=${path}>
          <h3>${h.label}</h3>
          <dl>
            <dt>${t('cost', lang, last)}</dt><dd>${h.cost}</dd>
            ${h.npv === null ? '' : html`<dt>${t('netVsStatusQuo', lang)}</dt><dd>${h.npv}</dd>`}
            ${h.probCheaper === null ? '' : html`<dt data-period>${t('cheaperOverYears', lang, results.years.length)}</dt><dd>${h.probCheaper}</dd>`}
            <dt>${t('devCapacity', lang, last)}</dt><dd>${h.capacity} ${t('fte', lang)}</dd>
          </dl>
        </article>`;
      })}
    </div>`;
  }

  /**
   * A tab's chart specs, made once per results and language: this element also re-renders when the run
   * starts or saved scenarios change, and new specs of the same results would redraw every chart.
   */
  private specs(results: Results, lang: Lang, make: MakeSpecs): ChartSpec[] {
    let made = this.specCache.get(results);
    if (!made) {
      made = new Map();
      this.specCache.set(results, made);
    }
    let entry = made.get(make);
    if (entry?.lang !== lang) {
      entry = { lang, specs: make(results, lang) };
      made.set(make, entry);
    }
    return entry.specs;
  }

  private panel(results: Results, tab: Tab, lang: Lang) {
    const charts = (make: MakeSpecs) =>
      this.specs(results, lang, make).map((spec) => html`<dm-chart .spec=${spec} .lang=${lang}></dm-chart>`);
    switch (tab) {
      case 'kostnad':
        return charts(costCharts);
      case 'kapacitet':
        return charts(capacityCharts);
      case 'formagor':
        return charts(capabilityCharts);
      case 'osakerhet':
        return html`${charts(uncertaintyCharts)}${this.swingTable(lang)}${this.uncertaintyTable(results, lang)}`;
      case 'beslut':
        return html`<dm-decision></dm-decision>`;
      case 'kommuner':
        return this.municipalityTable(results, lang);
      case 'data':
        return html`<dm-data-view></dm-data-view>`;
      case 'formagekarta':
        return html`<dm-capability-map></dm-capability-map>`;
      case 'vemmedvem':
        return html`<dm-coalition></dm-coalition>`;
      case 'jamforelse':
        return this.comparison(lang);
    }
  }

  /**
   * The chosen saved scenarios side by side, with a note that says how things stand: how many are chosen,
   * which are still being run (saved before their run had finished) and which could not be run.
   */
  private comparison(lang: Lang) {
    const ids = this.compareIds.value ?? [];
    const runs = this.compareRuns.value ?? {};
    const chosen = (this.savedItems.value ?? []).filter((s) => ids.includes(s.id));
    if (chosen.length === 0) {
      return html`<p class="note" data-compare-note>${t('saveTwoToFour', lang)}</p>`;
    }
    const ready = chosen.filter((s) => s.results);
    const failed = chosen.filter((s) => !s.results && runs[s.id]?.status === 'failed');
    const running = chosen.filter((s) => !s.results && runs[s.id]?.status !== 'failed');
    const quote = (name: string) => t('quoted', lang, name);
    const progress = (id: string, name: string) => {
      const run = runs[id];
      return run?.status === 'running' && run.total > 0
        ? `${quote(name)}: ${formatNumber(run.done, lang)} / ${formatNumber(run.total, lang)} ${t('runsLower', lang)}`
        : quote(name);
    };
    const n = chosen.length;
    const head = t('scenariosChosen', lang, n);
    const notes: string[] = [];
    if (running.length > 0) {
      const list = running.map((s) => progress(s.id, s.name)).join(', ');
      notes.push(t('compareRunningNow', lang, head, running.length, list));
    } else if (n === 1) notes.push(`${head}.`);
    for (const s of failed) {
      const run = runs[s.id];
      const reason = run?.status === 'failed' ? run.reason[lang] : '';
      notes.push(t('couldNotBeRun', lang, quote(s.name), reason));
    }
    if (n === 1) notes.push(t('tickAtLeastOne', lang, MAX_COMPARE));
    else if (ready.length < 2 && running.length === 0) notes.push(t('atLeastTwoOf', lang));
    return html`${notes.length > 0 ? html`<p class="note" role="status" data-compare-note>${notes.join(' ')}</p>` : ''}
      ${
        ready.length >= 2
          ? this.comparisonSpecs(ready, lang).map((spec) => html`<dm-chart .spec=${spec} .lang=${lang}></dm-chart>`)
          : ''
      }`;
  }

  private comparisonSpecs(shown: SavedScenario[], lang: Lang): ChartSpec[] {
    const last = this.compareSpecs;
    if (last?.lang === lang && last.shown.length === shown.length && last.shown.every((s, i) => s === shown[i]))
      return last.specs;
    const specs = comparisonCharts(shown, lang);
    this.compareSpecs = { shown, lang, specs };
    return specs;
  }

  private municipalityTable(results: Results, lang: Lang) {
    const paths = activePaths(results);
    const last = results.years.length - 1;
    return html`<p class="note">${t('mediansOverTheSimulations', lang, results.years.length, results.years[last])}</p>
    <div class="table-wrap" tabindex="0"><table>
      <thead><tr><th scope="col">${t('municipality', lang)}</th><th scope="col">${t('path', lang)}</th>
        <th scope="col">${t('tabCost', lang)}</th><th scope="col">${t('netVsStatusQuo', lang)}</th>
        <th scope="col">${t('devCapacityFte', lang)}</th><th scope="col">${t('capabilitiesHeld', lang)}</th>
        <th scope="col">${t('ofWhichRobust', lang)}</th></tr></thead>
      <tbody>${results.scenario.members.map((member, i) =>
        paths.map((path, k) => {
          const m = results.paths[path].municipalities[i];
          const y = m.years[last];
          return html`<tr>
            ${k === 0 ? html`<th scope="row" rowspan=${paths.length}>${member.name}</th>` : ''}
            <td style="text-align:left">${pick(PATH_LABEL[path], lang)}</td>
            <td>${formatMsek(m.horizonCost.p50, lang, 0)}</td>
            <td>${path === 'status-quo' ? '–' : formatMsek(m.npvVsStatusQuo.p50, lang, 0)}</td>
            <td>${formatNumber(m.finalDevelopmentCapacity.p50, lang, 1)}</td>
            <td>${formatPercent(y.coverage, lang)}</td>
            <td>${formatPercent(y.robustCoverage, lang)}</td>
          </tr>`;
        }),
      )}</tbody>
    </table></div>`;
  }

  private swingTable(lang: Lang) {
    const swings = this.swings.value;
    if (!swings || swings.length === 0) return '';
    const paths = Object.keys(swings[0].npv) as PathId[];
    return html`<h3>${t('oneAssumptionAtA', lang)}</h3>
      <p class="note">${t('netEffectAgainstStatus', lang)}</p>
      <div class="table-wrap" tabindex="0"><table data-swings>
        <thead><tr><th scope="col">${t('assumption', lang)}</th><th scope="col">${t('lowHighValue', lang)}</th>
          ${paths.map((p) => html`<th scope="col">${pick(PATH_LABEL[p], lang)}<br />${t('lowHigh', lang)}</th>`)}</tr></thead>
        <tbody>${swings.map((sw) => {
          const def = assumptionDef(sw.input);
          return html`<tr><td>${pick(def.label, lang)}</td>
            <td>${formatAssumptionValue(def, sw.lowValue, lang)} / ${formatAssumptionValue(def, sw.highValue, lang)}</td>
            ${paths.map((p) => html`<td><span class="amount">${formatMsek(sw.npv[p]!.low, lang, 0)}</span> → <span class="amount">${formatMsek(sw.npv[p]!.high, lang, 0)}</span></td>`)}</tr>`;
        })}</tbody>
      </table></div>`;
  }

  /** Whether the answer is stable (src/engine/stability.ts), and if not, which path is furthest from it. */
  private stabilityNote(results: Results, lang: Lang) {
    const stability = results.stability;
    if (!stability) return nothing;
    const at = stability.stableAt;
    if (at !== undefined && at !== null)
      return html`<p class="note" data-stability>${t('stableAfter', lang, formatNumber(at, lang))}</p>`;
    const worst = [...stability.paths].sort(
      (a, b) =>
        Math.max(b.quantileError / b.quantileTolerance, b.probabilityError / PROBABILITY_TOLERANCE) -
        Math.max(a.quantileError / a.quantileTolerance, a.probabilityError / PROBABILITY_TOLERANCE),
    )[0];
    if (!worst || stability.stable) return nothing;
    return html`<p class="note" data-stability>${t(
      'notStableAfter',
      lang,
      formatNumber(results.runsDone, lang),
      pick(PATH_LABEL[worst.path], lang).toLowerCase(),
    )}</p>`;
  }

  private uncertaintyTable(results: Results, lang: Lang) {
    return html`<h3>${t('howCertainAreThe', lang)}</h3>
      <p class="note">${t('simulationsTheStandardError', lang, formatNumber(results.runsDone, lang))}</p>
      <div class="table-wrap" tabindex="0"><table>
        <thead><tr><th scope="col">${t('path', lang)}</th><th scope="col">${t('netMean', lang)}</th>
          <th scope="col">${t('standardError', lang)}</th><th scope="col">${t('probabilityCheaperOverYears', lang, results.years.length)}</th>
          <th scope="col">${t('breakEvenMedian', lang)}</th><th scope="col">${t('breakEvenWithinPeriod', lang)}</th>
          <th scope="col">${t('couldMoreRunsMove', lang)}</th></tr></thead>
        <tbody>${activePaths(results, false).map((path) => {
          const p = results.paths[path];
          return html`<tr><td>${pick(PATH_LABEL[path], lang)}</td><td>${formatMsek(p.npvVsStatusQuo.mean, lang, 0)}</td>
            <td>${formatMsek(p.npvVsStatusQuo.se, lang, 1)}</td><td>${formatPercent(p.probCheaper ?? 0, lang)}</td>
            <td>${p.breakEven?.median ?? t('afterThePeriod', lang)}</td><td>${formatPercent(p.breakEven?.probWithinHorizon ?? 0, lang)}</td>
            <td>${unsettled(p.npvVsStatusQuo) ? t('yes', lang) : t('no', lang)}</td></tr>`;
        })}</tbody>
      </table></div>
      ${this.stabilityNote(results, lang)}
      <p class="note">${t('moreRunsContinueThe', lang)}</p>
      <button type="button" class="more" data-run-more ?disabled=${this.status.value !== 'done'}
        @click=${() => emit(this, 'dm-run-more', {})}>${t(
          'runMore',
          lang,
          formatNumber(results.runsDone, lang),
          formatNumber(results.runsDone * 2, lang),
        )}</button>`;
  }
}

/**
 * Whether the Monte Carlo error could still move a mean by more than 1 %: twice the standard error
 * (≈ a 95 % interval) against 1 % of the larger of |mean| and the sample's P10–P90 spread.
 */
function unsettled(stats: { mean: number; se: number; p10: number; p90: number }): boolean {
  const scale = Math.max(Math.abs(stats.mean), Math.abs(stats.p90 - stats.p10));
  return 2 * stats.se > 0.01 * scale;
}

customElements.define('dm-results', DmResults);
declare global {
  interface HTMLElementTagNameMap {
    'dm-results': DmResults;
  }
}
