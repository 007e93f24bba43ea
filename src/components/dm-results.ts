import { css, html, LitElement } from 'lit';
import { capabilityCharts } from '../charts/capabilities.js';
import { capacityCharts } from '../charts/capacity.js';
import { comparisonCharts } from '../charts/comparison.js';
import { costCharts } from '../charts/cost.js';
import { headline } from '../charts/headline.js';
import { activePaths, PATH_COLOUR } from '../charts/series.js';
import type { ChartSpec } from '../charts/spec.js';
import { uncertaintyCharts } from '../charts/uncertainty.js';
import { StoreController } from '../controllers/store-controller.js';
import { assumptionDef, type PathId, type Results } from '../engine/index.js';
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
import './dm-chart.js';
import './dm-data-view.js';
import './dm-decision.js';

const TABS: [Tab, StringKey][] = [
  ['kostnad', 'tabCost'],
  ['kapacitet', 'tabCapacity'],
  ['formagor', 'tabCapabilities'],
  ['formagekarta', 'tabCapabilityMap'],
  ['kommuner', 'tabMunicipalities'],
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
            <dt>${lang === 'sv' ? `Kostnad ${last}` : `Cost ${last}`}</dt><dd>${h.cost}</dd>
            ${h.npv === null ? '' : html`<dt>${lang === 'sv' ? 'Netto mot status quo' : 'Net vs status quo'}</dt><dd>${h.npv}</dd>`}
            ${h.probCheaper === null ? '' : html`<dt data-period>${lang === 'sv' ? `Billigare över ${results.years.length} år` : `Cheaper over ${results.years.length} years`}</dt><dd>${h.probCheaper}</dd>`}
            <dt>${lang === 'sv' ? `Utv.kapacitet ${last}` : `Dev. capacity ${last}`}</dt><dd>${h.capacity} ${lang === 'sv' ? 'åa' : 'FTE'}</dd>
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
      case 'jamforelse':
        return this.comparison(lang);
    }
  }

  /**
   * The chosen saved scenarios side by side, with a note that says how things stand: how many are chosen,
   * which are still being run (saved before their run had finished) and which could not be run.
   */
  private comparison(lang: Lang) {
    const sv = lang === 'sv';
    const ids = this.compareIds.value ?? [];
    const runs = this.compareRuns.value ?? {};
    const chosen = (this.savedItems.value ?? []).filter((s) => ids.includes(s.id));
    if (chosen.length === 0) {
      return html`<p class="note" data-compare-note>${
        sv
          ? 'Spara två till fyra scenarier (i panelen till vänster) och kryssa i dem för att se dem sida vid sida.'
          : 'Save two to four scenarios (in the panel on the left) and tick them to see them side by side.'
      }</p>`;
    }
    const ready = chosen.filter((s) => s.results);
    const failed = chosen.filter((s) => !s.results && runs[s.id]?.status === 'failed');
    const running = chosen.filter((s) => !s.results && runs[s.id]?.status !== 'failed');
    const quote = (name: string) => (sv ? `”${name}”` : `“${name}”`);
    const progress = (id: string, name: string) => {
      const run = runs[id];
      return run?.status === 'running' && run.total > 0
        ? `${quote(name)}: ${formatNumber(run.done, lang)} / ${formatNumber(run.total, lang)} ${sv ? 'körningar' : 'runs'}`
        : quote(name);
    };
    const n = chosen.length;
    const head = sv
      ? `${n} ${n === 1 ? 'scenario valt' : 'scenarier valda'}`
      : `${n} ${n === 1 ? 'scenario' : 'scenarios'} chosen`;
    const notes: string[] = [];
    if (running.length > 0) {
      const list = running.map((s) => progress(s.id, s.name)).join(', ');
      notes.push(
        sv
          ? `${head}; ${running.length} saknar resultat och körs nu (${list}) …`
          : `${head}; ${running.length} without results ${running.length === 1 ? 'is' : 'are'} being run now (${list}) …`,
      );
    } else if (n === 1) notes.push(`${head}.`);
    for (const s of failed) {
      const run = runs[s.id];
      const reason = run?.status === 'failed' ? run.reason[lang] : '';
      notes.push(
        sv ? `${quote(s.name)} kunde inte köras: ${reason}.` : `${quote(s.name)} could not be run: ${reason}.`,
      );
    }
    if (n === 1)
      notes.push(
        sv
          ? `Kryssa i minst ett till (högst ${MAX_COMPARE}) under Sparade scenarier för att se dem sida vid sida.`
          : `Tick at least one more (at most ${MAX_COMPARE}) under Saved scenarios to see them side by side.`,
      );
    else if (ready.length < 2 && running.length === 0)
      notes.push(
        sv
          ? 'Minst två av de valda behöver resultat för att jämföras.'
          : 'At least two of those chosen need results to be compared.',
      );
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
    const sv = lang === 'sv';
    const last = results.years.length - 1;
    return html`<p class="note">${
      sv
        ? `Medianer över simuleringarna. Kostnad: summa över ${results.years.length} år (mnkr). Netto: nuvärde av skillnaden mot status quo. Kapacitet och täckning: år ${results.years[last]}.`
        : `Medians over the simulations. Cost: sum over ${results.years.length} years (SEK m). Net: present value of the difference against status quo. Capacity and coverage: year ${results.years[last]}.`
    }</p>
    <div class="table-wrap" tabindex="0"><table>
      <thead><tr><th scope="col">${sv ? 'Kommun' : 'Municipality'}</th><th scope="col">${sv ? 'Vägval' : 'Path'}</th>
        <th scope="col">${sv ? 'Kostnad' : 'Cost'}</th><th scope="col">${sv ? 'Netto mot status quo' : 'Net vs status quo'}</th>
        <th scope="col">${sv ? 'Utv.kapacitet (åa)' : 'Dev. capacity (FTE)'}</th><th scope="col">${sv ? 'Förmågor som hålls' : 'Capabilities held'}</th>
        <th scope="col">${sv ? 'varav robust' : 'of which robust'}</th></tr></thead>
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
    const sv = lang === 'sv';
    if (!swings || swings.length === 0) return '';
    const paths = Object.keys(swings[0].npv) as PathId[];
    return html`<h3>${sv ? 'Ett antagande i taget' : 'One assumption at a time'}</h3>
      <p class="note">${
        sv
          ? 'Nettoeffekt mot status quo (nuvärde) när alla antaganden ligger på sina medianer och ett i taget sätts till sitt lägsta eller högsta värde.'
          : 'Net effect against status quo (present value) with every assumption at its median and one at a time set to its low or high end.'
      }</p>
      <div class="table-wrap" tabindex="0"><table data-swings>
        <thead><tr><th scope="col">${sv ? 'Antagande' : 'Assumption'}</th><th scope="col">${sv ? 'Lågt / högt värde' : 'Low / high value'}</th>
          ${paths.map((p) => html`<th scope="col">${pick(PATH_LABEL[p], lang)}<br />${sv ? 'lågt → högt' : 'low → high'}</th>`)}</tr></thead>
        <tbody>${swings.map((sw) => {
          const def = assumptionDef(sw.input);
          return html`<tr><td>${pick(def.label, lang)}</td>
            <td>${formatAssumptionValue(def, sw.lowValue, lang)} / ${formatAssumptionValue(def, sw.highValue, lang)}</td>
            ${paths.map((p) => html`<td><span class="amount">${formatMsek(sw.npv[p]!.low, lang, 0)}</span> → <span class="amount">${formatMsek(sw.npv[p]!.high, lang, 0)}</span></td>`)}</tr>`;
        })}</tbody>
      </table></div>`;
  }

  private uncertaintyTable(results: Results, lang: Lang) {
    const sv = lang === 'sv';
    return html`<h3>${sv ? 'Hur säkra är siffrorna?' : 'How certain are the figures?'}</h3>
      <p class="note">${
        sv
          ? `${formatNumber(results.runsDone, lang)} simuleringar. Medelfelet visar hur mycket medelvärdet kan flytta sig med fler körningar.`
          : `${formatNumber(results.runsDone, lang)} simulations. The standard error shows how much the mean could move with more runs.`
      }</p>
      <div class="table-wrap" tabindex="0"><table>
        <thead><tr><th scope="col">${sv ? 'Vägval' : 'Path'}</th><th scope="col">${sv ? 'Netto, medel' : 'Net, mean'}</th>
          <th scope="col">${sv ? 'Medelfel' : 'Standard error'}</th><th scope="col">${sv ? `Sannolikhet billigare över ${results.years.length} år (nuvärde)` : `Probability cheaper over ${results.years.length} years (present value)`}</th>
          <th scope="col">${sv ? 'Break-even (median)' : 'Break-even (median)'}</th><th scope="col">${sv ? 'Break-even inom perioden' : 'Break-even within period'}</th>
          <th scope="col">${sv ? 'Kan fler körningar flytta medlet mer än 1 %?' : 'Could more runs move the mean by over 1%?'}</th></tr></thead>
        <tbody>${activePaths(results, false).map((path) => {
          const p = results.paths[path];
          return html`<tr><td>${pick(PATH_LABEL[path], lang)}</td><td>${formatMsek(p.npvVsStatusQuo.mean, lang, 0)}</td>
            <td>${formatMsek(p.npvVsStatusQuo.se, lang, 1)}</td><td>${formatPercent(p.probCheaper ?? 0, lang)}</td>
            <td>${p.breakEven?.median ?? (sv ? 'efter perioden' : 'after the period')}</td><td>${formatPercent(p.breakEven?.probWithinHorizon ?? 0, lang)}</td>
            <td>${unsettled(p.npvVsStatusQuo) ? (sv ? 'ja' : 'yes') : sv ? 'nej' : 'no'}</td></tr>`;
        })}</tbody>
      </table></div>
      <p class="note">${
        sv
          ? 'Fler körningar fortsätter samma följd av slumptal, så resultatet blir exakt detsamma som en enda körning med det större antalet.'
          : 'More runs continue the same sequence of random numbers, so the result is exactly that of a single run of the larger count.'
      }</p>
      <button type="button" class="more" data-run-more ?disabled=${this.status.value !== 'done'}
        @click=${() => emit(this, 'dm-run-more', {})}>${
          sv
            ? `Kör fler (${formatNumber(results.runsDone, lang)} → ${formatNumber(results.runsDone * 2, lang)})`
            : `Run more (${formatNumber(results.runsDone, lang)} → ${formatNumber(results.runsDone * 2, lang)})`
        }</button>`;
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
