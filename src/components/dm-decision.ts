import { css, html, LitElement } from 'lit';
import { acceptabilityChart, acceptabilitySentence } from '../charts/acceptability.js';
import { planeChart, planeNote, planeSentences } from '../charts/cost-capacity.js';
import type { ChartSpec } from '../charts/spec.js';
import {
  orderedThresholds,
  priorText,
  savingSentences,
  thresholdCharts,
  thresholdInputs,
  thresholdText,
} from '../charts/thresholds.js';
import { twoWayChart, twoWaySentence } from '../charts/two-way.js';
import { evppiChart, evppiSentences } from '../charts/value-of-information.js';
import { StoreController } from '../controllers/store-controller.js';
import { assumptionDef, type DecisionAnalysis, type ThresholdAnalysis } from '../engine/index.js';
import { emit } from '../events.js';
import { formatNumber, type Lang, pick, t } from '../i18n.js';
import { type AppState, parts } from '../state/app-state.js';
import './dm-chart.js';

/**
 * The "Beslut" (decision) tab: what would have to be true for each path to pay off (thresholds), cost
 * against development capacity, the probability of each option being the best choice, and what is worth
 * finding out before deciding (EVPPI). A container: reads the run's analyses from the store.
 */
export class DmDecision extends LitElement {
  static styles = css`
    :host { display: block; }
    h2 { font-size: 1.25rem; margin: 1.75rem 0 0.5rem; color: #12355b; }
    section:first-child h2 { margin-top: 0.25rem; }
    p, li { max-width: 75ch; line-height: 1.45; }
    .note { font-size: 0.9rem; color: #444; }
    .status { font-size: 0.95rem; color: #333; background: #f2f5f9; border-left: 4px solid #12355b; padding: 0.4rem 0.7rem; max-width: 75ch; }
    .error { border-left-color: #b00020; background: #fff4f4; color: #7a0016; }
    ul { padding-left: 1.2rem; margin: 0.5rem 0 1.25rem; }
    li { margin: 0 0 0.8rem; }
    .claim { font-weight: 600; }
    h3 { font-size: 1.05rem; margin: 1.25rem 0 0.3rem; }
    .group { border-top: 1px solid #ddd; padding-top: 0.25rem; }
    .prior { font-size: 0.92rem; margin: 0 0 1rem; }
    .detail { display: block; font-size: 0.88rem; color: #444; margin-top: 0.15rem; overflow-wrap: anywhere; }
    .source { font-style: italic; }
    button { font: inherit; font-size: 0.85rem; border: 1px solid #12355b; color: #12355b; background: #fff; border-radius: 4px; padding: 0.2rem 0.7rem; margin-top: 0.3rem; cursor: pointer; }
    button:hover { background: #eef3f8; }
    button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
    .caveat { font-size: 0.92rem; background: #fff8e5; border: 1px solid #d8b24a; border-radius: 6px; padding: 0.5rem 0.75rem; max-width: 75ch; }
    @media print {
      button { display: none; }
      h2 { font-size: 13pt; margin-top: 0.8rem; break-after: avoid; }
      p, li { font-size: 9pt; max-width: none; }
      .detail { font-size: 8pt; }
      dm-chart { break-inside: avoid; }
      .caveat { background: none; }
    }
  `;

  private readonly view = new StoreController(this, parts('lang', 'run', 'scenario'));
  /** Specs kept per analysis and language, so that a re-render (progress) does not redraw the charts. */
  private readonly made = new WeakMap<object, { lang: Lang; specs: ChartSpec[] }>();

  private specs<T extends object>(of: T, lang: Lang, make: (x: T, lang: Lang) => ChartSpec[]): ChartSpec[] {
    const entry = this.made.get(of);
    if (entry?.lang === lang) return entry.specs;
    const specs = make(of, lang);
    this.made.set(of, { lang, specs });
    return specs;
  }

  render() {
    const s = this.view.value;
    if (!s) return html``;
    const lang = s.lang;
    const { decision } = s.run;
    return html`
      ${this.thresholds(s, lang)}
      ${decision ? this.plane(decision, lang) : ''}
      ${decision ? this.acceptability(decision, lang) : ''}
      ${decision ? this.evppi(decision, lang) : ''}
      ${decision ? '' : html`<p class="status" role="status" data-decision-status>${this.waiting(s, lang)}</p>`}
    `;
  }

  private waiting(s: Pick<AppState, 'run'>, lang: Lang): string {
    if (s.run.status === 'error') return t('theDecisionAnalysisCould', lang);
    return t('theDecisionAnalysisCost', lang);
  }

  private thresholds(s: Pick<AppState, 'run' | 'scenario'>, lang: Lang) {
    const analysis = s.run.thresholds;
    const search = s.run.thresholdSearch;
    let status: unknown = '';
    if (search.status === 'running')
      status = html`<p class="status" role="status" data-threshold-progress>${
        search.total > 0
          ? t('searchingForThresholdsOf', lang, formatNumber(search.done, lang), formatNumber(search.total, lang))
          : t('searchingForThresholds', lang)
      }</p>`;
    else if (search.status === 'error')
      status = html`<p class="status error" role="alert" data-threshold-error>${t('theThresholdsCouldNot', lang)}</p>`;
    else if (!analysis)
      status = html`<p class="status" role="status" data-threshold-progress>${t('theThresholdsAreSearched', lang)}</p>`;
    const savings = s.run.decision ? savingSentences(s.run.decision, lang) : [];
    return html`<section aria-labelledby="h-true" data-section="thresholds">
      <h2 id="h-true">${t('whatWouldHaveTo', lang)}</h2>
      <p class="note">${t('forEachPathThe', lang)}</p>
      ${status}
      ${
        savings.length > 0
          ? html`<ul data-savings>${savings.map((x) => html`<li data-path=${x.path}>${x.text}</li>`)}</ul>`
          : ''
      }
      ${analysis ? this.thresholdGroups(analysis, s, lang) : ''}
      ${analysis && analysis.twoWay.length > 0 ? this.twoWays(analysis, lang) : ''}
    </section>`;
  }

  /**
   * Per input with thresholds: its name, each path's threshold in a sentence, the scenario's own range
   * and source (once), a button to the input's editor, and the chart of share cheaper over its range.
   */
  private thresholdGroups(analysis: ThresholdAnalysis, s: Pick<AppState, 'scenario'>, lang: Lang) {
    const inputs = thresholdInputs(analysis);
    if (inputs.length === 0) return html`<p class="note">${t('noDecisiveInputsTo', lang)}</p>`;
    const specs = this.specs(analysis, lang, thresholdCharts);
    return inputs.map((input) => {
      const prior = priorText(input, analysis, s.scenario, lang);
      const spec = specs.find((x) => x.id === `threshold-${input}`);
      return html`<div class="group" data-input=${input}>
        <h3 id="h-${input}">${pick(assumptionDef(input).label, lang)}</h3>
        <ul data-thresholds>${orderedThresholds(analysis)
          .filter((th) => th.input === input)
          .map((th) => {
            const text = thresholdText(th, analysis, lang);
            return html`<li data-path=${th.path} data-input=${th.input}>
              <span class="claim" data-claim>${text.claim}</span>
              ${text.share ? html`<span class="detail" data-share>${text.share}</span>` : ''}
              ${text.check ? html`<span class="detail" data-check>${text.check}</span>` : ''}
            </li>`;
          })}</ul>
        <p class="prior"><span data-prior>${prior.range}</span>
          <span class="detail source" data-source>${t('sourceInSwedish', lang)}: ${prior.source}</span>
          <button type="button" data-try=${input} aria-describedby="h-${input}"
            @click=${() => emit(this, 'dm-focus-assumption', { id: input })}>${t('tryYourOwnEstimate', lang)}</button></p>
        ${spec ? html`<dm-chart .spec=${spec} .lang=${lang}></dm-chart>` : ''}
      </div>`;
    });
  }

  /** Paths with two decisive inputs: where they pay off with both pinned, in a sentence and a region plot. */
  private twoWays(analysis: ThresholdAnalysis, lang: Lang) {
    const specs = this.specs(analysis.twoWay, lang, (tws, l) => tws.map((tw) => twoWayChart(tw, l)));
    return html`<div class="group" data-two-way>
      <h3>${t('twoInputsAtOnce', lang)}</h3>
      ${analysis.twoWay.map(
        (tw, k) => html`<p data-two-way-sentence=${tw.path}>${twoWaySentence(tw, lang)}</p>
          <dm-chart .spec=${specs[k]} .lang=${lang}></dm-chart>`,
      )}
    </div>`;
  }

  private plane(decision: DecisionAnalysis, lang: Lang) {
    const note = planeNote(decision, lang);
    return html`<section aria-labelledby="h-plane" data-section="plane">
      <h2 id="h-plane">${t('costAgainstDevelopmentCapacity', lang)}</h2>
      ${this.decisionSpecs(decision, lang)
        .filter((x) => x.id === 'cost-capacity')
        .map((spec) => html`<dm-chart .spec=${spec} .lang=${lang}></dm-chart>`)}
      <ul data-quadrants>${planeSentences(decision, lang).map((x) => html`<li data-path=${x.path}>${x.text}</li>`)}</ul>
      ${note ? html`<p class="caveat" data-plane-note>${note}</p>` : ''}
    </section>`;
  }

  private acceptability(decision: DecisionAnalysis, lang: Lang) {
    const spec = this.decisionSpecs(decision, lang).find((x) => x.id === 'acceptability');
    return html`<section aria-labelledby="h-best" data-section="acceptability">
      <h2 id="h-best">${t('probabilityOfBeingThe', lang)}</h2>
      <p data-acceptability>${acceptabilitySentence(decision, lang)}</p>
      ${spec ? html`<dm-chart .spec=${spec} .lang=${lang}></dm-chart>` : ''}
    </section>`;
  }

  private evppi(decision: DecisionAnalysis, lang: Lang) {
    const spec = this.decisionSpecs(decision, lang).find((x) => x.id === 'evppi');
    return html`<section aria-labelledby="h-info" data-section="evppi">
      <h2 id="h-info">${t('whatIsWorthFinding', lang)}</h2>
      ${evppiSentences(decision, lang).map((text) => html`<p data-evppi>${text}</p>`)}
      ${spec ? html`<dm-chart .spec=${spec} .lang=${lang}></dm-chart>` : ''}
    </section>`;
  }

  private decisionSpecs(decision: DecisionAnalysis, lang: Lang): ChartSpec[] {
    return this.specs(decision, lang, (d, l) => {
      const evppi = evppiChart(d, l);
      return [planeChart(d, l), acceptabilityChart(d, l), ...(evppi ? [evppi] : [])];
    });
  }
}

customElements.define('dm-decision', DmDecision);
declare global {
  interface HTMLElementTagNameMap {
    'dm-decision': DmDecision;
  }
}
