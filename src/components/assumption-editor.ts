/**
 * The assumption editor of the scenario panel, as render functions: the panel renders them into its own
 * shadow root (its styles apply, and the browser tests find the fields where they were).
 */
import { html } from 'lit';
import {
  ASSUMPTIONS,
  type Assumption,
  type AssumptionDef,
  type Issue,
  type Scenario,
  type Threshold,
} from '../engine/index.js';
import { emit } from '../events.js';
import { formatAssumptionValue, formatNumber, type Lang, PATH_LABEL, pick, t } from '../i18n.js';
import { describeMessage } from '../state/issue-text.js';

/** The assumptions section of the scenario panel: one editor per uncertain input. */
export function assumptionsSection(
  host: HTMLElement,
  lang: Lang,
  scenario: Scenario,
  issues: readonly Issue[],
  thresholds: readonly Threshold[],
) {
  return html`<section aria-labelledby="assumptions-h">
    <h2 id="assumptions-h">${t('assumptions', lang)}</h2>
    <p class="help">${t('eachUncertainInputHas', lang)}</p>
    ${ASSUMPTIONS.map((def) => assumptionEditor(host, def, scenario.assumptions?.[def.id], lang, issues, thresholds))}
  </section>`;
}

/**
 * One input's editor: low / most likely / high (or its value, or its distribution in words), the slider with
 * the latest run's thresholds marked, the problems with what was typed, the source and a reset.
 */
function assumptionEditor(
  host: HTMLElement,
  def: AssumptionDef,
  override: Assumption | undefined,
  lang: Lang,
  issues: readonly Issue[],
  allThresholds: readonly Threshold[],
) {
  const a = override ?? def.default;
  const id = `a-${def.id}`;
  // a rejected value is explained here, beside the field the user is looking at
  const own = issues.filter((i) => {
    const path = i.path.replace(/^scenario\./, '');
    return path === `assumptions.${def.id}` || path.startsWith(`assumptions.${def.id}.`);
  });
  const changed = (key: 'low' | 'mode' | 'high' | 'value', raw: string): Assumption | null => {
    const value = Number(raw.replace(',', '.').replace(/\s/g, ''));
    if (!Number.isFinite(value)) return null;
    return {
      ...a,
      [key]: value,
      source: override ? a.source : `antagande: ändrat i arbetsytan (förval: ${def.default.source})`,
    } as Assumption;
  };
  const update = (key: 'low' | 'mode' | 'high' | 'value', raw: string) => {
    const next = changed(key, raw);
    if (next) emit(host, 'dm-assumption-change', { id: def.id, assumption: next });
  };
  // dragging the most likely value previews a few hundred runs; letting go runs them all
  // the latest run's thresholds of this input: where each path breaks even in the median (§13)
  const thresholds = allThresholds.filter((x) => x.input === def.id && x.value !== null);
  const slider = (low: number, mode: number, high: number) =>
    html`<div class="slide"><label for="${id}-slide">${t('dragTheMostLikely', lang)}</label>
      <div class="track">
      <input id="${id}-slide" type="range" min=${low} max=${high} step=${(high - low) / 100} .value=${String(mode)}
        @input=${(e: Event) => {
          const next = changed('mode', (e.target as HTMLInputElement).value);
          if (next) emit(host, 'dm-assumption-preview', { id: def.id, assumption: next });
        }}
        @change=${(e: Event) => update('mode', (e.target as HTMLInputElement).value)} />
      ${thresholds
        .filter((x) => (x.value as number) >= low && (x.value as number) <= high && high > low)
        .map(
          (x) =>
            html`<span class="mark" aria-hidden="true" title=${pick(PATH_LABEL[x.path], lang)}
              style="left: calc(${(100 * ((x.value as number) - low)) / (high - low)}% - 1px)"></span>`,
        )}
      </div></div>`;
  const thresholdNote =
    thresholds.length > 0
      ? html`<p class="threshold-note" data-threshold-note=${def.id}>${t('thresholdMedian', lang)}: ${thresholds
          .map(
            (x) =>
              `${pick(PATH_LABEL[x.path], lang)} ${x.cheaperWhen === 'above' ? '≥' : '≤'} ${formatAssumptionValue(def, x.value as number, lang)}`,
          )
          .join('; ')}</p>`
      : '';
  const field = (key: 'low' | 'mode' | 'high' | 'value', label: string, value: number) =>
    html`<div><label for="${id}-${key}">${label}</label>
      <input id="${id}-${key}" type="number" step="any" .value=${String(value)} @change=${(e: Event) => update(key, (e.target as HTMLInputElement).value)} /></div>`;
  return html`<div class="assumption" data-assumption=${def.id}>
    <div class="name" id=${id}>${pick(def.label, lang)} <span class="help">(${pick(def.unit, lang)})</span></div>
    ${
      a.dist === 'pert' || a.dist === 'triangular'
        ? html`<div class="triple" role="group" aria-labelledby=${id}>
          ${field('low', t('low', lang), a.low)}${field('mode', t('likely', lang), a.mode)}${field('high', t('high', lang), a.high)}</div>
          ${slider(a.low, a.mode, a.high)}`
        : a.dist === 'fixed'
          ? html`<div class="triple" role="group" aria-labelledby=${id}>${field('value', t('value', lang), a.value)}</div>`
          : html`<div class="help">${describeDistribution(a, def, lang)}</div>`
    }
    ${
      own.length > 0
        ? html`<p class="field-issue" role="alert" data-field-issue=${def.id}>${own.map((i) => issueText(i, lang)).join(' ')}</p>`
        : ''
    }
    ${thresholdNote}
    <p class="source">${t('source', lang)}: ${a.source}</p>
    ${
      override
        ? html`<span class="changed">${t('changed', lang)}</span>
          <button class="small" type="button" @click=${() => emit(host, 'dm-assumption-change', { id: def.id, assumption: null })}>${t('reset', lang)}</button>`
        : ''
    }
  </div>`;
}

/** A distribution without low / most likely / high fields (normal, lognormal, uniform) in words. */
function describeDistribution(a: Assumption, def: AssumptionDef, lang: Lang): string {
  const v = (x: number) => formatAssumptionValue(def, x, lang);
  if (a.dist === 'normal') return t('normalMeanStandardDeviation', lang, v(a.mean), v(a.sd));
  if (a.dist === 'lognormal') return t('lognormalMedian', lang, v(a.median), formatNumber(a.sigma, lang, 2));
  if (a.dist === 'uniform') return t('uniformTo', lang, v(a.low), v(a.high));
  return '';
}

/**
 * One validation problem in words for the field it belongs to. The engine's messages are in English;
 * the common ones are said in Swedish here (a fuller translation of every message is issue #16's item 7).
 */
function issueText(issue: Issue, lang: Lang): string {
  if (lang === 'en') return issue.message;
  const range = /^must lie from (\S+) to (\S+)$/.exec(issue.message);
  if (range) {
    const n = (x: number) => formatNumber(x, lang, Number.isInteger(x) ? 0 : 2);
    return t('valueMustLieBetween', lang, n(Number(range[1])), n(Number(range[2])));
  }
  if (issue.message.startsWith('needs low ≤ mode ≤ high')) return t('lowModeHighOrder', lang);
  return `${describeMessage(issue, lang)}.`;
}
