/**
 * The Beslut (decision) tab, part 4, what is worth finding out before the decision: the expected value of
 * partial perfect information (EVPPI) per input in words and as bars, with EVPI as the upper bound.
 * Pure: every figure in a sentence or a chart is one field of the run's analyses (src/engine/decision.ts,
 * src/engine/thresholds.ts), formatted, so a test can trace it back.
 */
import * as Plot from '@observablehq/plot';
import { assumptionDef, type DecisionAnalysis } from '../engine/index.js';
import { formatNumber, type Lang, pick, t } from '../i18n.js';
import { formatMsek, lowerFirst } from './decision-words.js';
import { ems, isNarrow, wrappedLines } from './layout.js';
import type { ChartSpec } from './spec.js';

/** EVPPI below this (SEK) is left out of the chart and summed up as "the others". */
export const EVPPI_SHOWN_MIN = 50_000;

/** The inputs worth at least `EVPPI_SHOWN_MIN`, largest first. */
export const evppiShown = (decision: DecisionAnalysis) => decision.evppi.filter((e) => e.value >= EVPPI_SHOWN_MIN);

/** The top input's value of information and EVPI as the upper bound, in words. */
export function evppiSentences(decision: DecisionAnalysis, lang: Lang): string[] {
  const shown = evppiShown(decision);
  const evpi = formatMsek(decision.evpi, lang, 1);
  const out: string[] = [];
  if (shown.length > 0) {
    const top = shown[0];
    const what = lowerFirst(pick(assumptionDef(top.input).label, lang));
    out.push(t('findingOutBeforeThe', lang, what, formatMsek(top.value, lang, 1)));
  } else out.push(t('noSingleInputIs', lang, formatMsek(EVPPI_SHOWN_MIN, lang, 2)));
  out.push(
    t(
      'upperBoundPerfectKnowledge',
      lang,
      evpi,
      decision.evppi.length > shown.length ? formatMsek(EVPPI_SHOWN_MIN, lang, 2) : null,
    ),
  );
  return out;
}

export function evppiChart(decision: DecisionAnalysis, lang: Lang): ChartSpec | null {
  const shown = evppiShown(decision);
  if (shown.length === 0) return null;
  const rows = shown.map((e) => ({
    input: pick(assumptionDef(e.input).label, lang),
    value: e.value / 1e6,
    lo: e.se === null ? null : Math.max(0, (e.value - e.se) / 1e6),
    hi: e.se === null ? null : (e.value + e.se) / 1e6,
    se: e.se,
  }));
  const withSe = rows.filter((r) => r.lo !== null);
  const evpi = decision.evpi / 1e6;
  const top = Math.max(evpi, ...rows.map((r) => r.hi ?? r.value));
  const evpiLabel = t('perfectKnowledgeOfEverything', lang);
  return {
    id: 'evppi',
    title: t('theValueOfKnowing', lang),
    description: t('howMuchLowerThe', lang),
    options: (width) => {
      // narrow (phone, high zoom): each input's name above its bar, since long words cannot wrap in a margin
      const narrow = isNarrow(width);
      const marginLeft = narrow ? 12 : Math.min(300, width * 0.42);
      const marginRight = 20;
      const inner = width - marginLeft - marginRight;
      const lineWidth = narrow ? ems(inner) : ems(marginLeft - 12);
      const lines = Math.max(...rows.map((r) => wrappedLines(r.input, lineWidth)));
      const band = narrow ? 14 * lines + 28 : Math.max(30, 14 * lines + 10);
      // on a narrow screen each bar's name just above it (Plot's band geometry, worked back to the bar's thickness)
      const paddingInner = 1 - 14 / band;
      const step = (rows.length * band + 14) / (rows.length - paddingInner + 0.2);

      const bar = step * (1 - paddingInner);
      // the first name above its bar needs room below the line's label at the top
      const marginTop = narrow ? 30 + 14 * lines : 30;
      return {
        width,
        height: 54 + marginTop + rows.length * band,
        marginLeft,
        marginRight,
        marginTop,
        marginBottom: 40,
        x: {
          domain: [0, top * 1.05],
          label: t('sekMPresentValue', lang),
          labelAnchor: 'center',
          labelArrow: 'none',
          grid: true,
          ticks: Math.max(2, Math.min(8, Math.floor(inner / 60))),
          tickFormat: (d: number) => formatNumber(d, lang, top < 3 ? 1 : 0),
        },
        y: narrow
          ? { domain: rows.map((r) => r.input), axis: null, paddingInner, paddingOuter: 0.1, align: 1 }
          : { domain: rows.map((r) => r.input) },
        marks: [
          narrow
            ? Plot.text(rows, {
                y: 'input',
                x: 0,
                text: 'input',
                textAnchor: 'start',
                lineAnchor: 'bottom',
                dy: -(bar / 2 + 8),
                lineWidth,
                fill: '#222',
              })
            : Plot.axisY({ label: null, tickSize: 0, lineWidth }),
          Plot.barX(rows, { y: 'input', x: 'value', fill: '#12355b', fillOpacity: 0.85 }),
          Plot.ruleY(withSe, { y: 'input', x1: 'lo', x2: 'hi', stroke: '#c00', strokeWidth: 1.5 }),
          Plot.tickX(withSe, { y: 'input', x: 'lo', stroke: '#c00' }),
          Plot.tickX(withSe, { y: 'input', x: 'hi', stroke: '#c00' }),
          Plot.ruleX([0], { stroke: '#000' }),
          Plot.ruleX([evpi], { stroke: '#333', strokeDasharray: '4,3' }),
          Plot.text([evpiLabel], {
            x: evpi,
            frameAnchor: 'top',
            // at the top of the margin, clear of the first name
            dy: -(marginTop - 14),
            lineAnchor: 'top',
            textAnchor: 'end',
            fill: '#333',
            lineWidth: ems(inner * 0.95),
          }),
        ],
      };
    },
    table: {
      columns: [t('input', lang), t('valueOfKnowingMsek', lang), t('standardErrorMsek', lang)],
      rows: [
        ...rows.map((r) => [
          r.input,
          formatNumber(r.value, lang, 1),
          r.se === null ? '–' : formatNumber(r.se / 1e6, lang, 1),
        ]),
        [t('perfectKnowledgeColumn', lang), formatNumber(evpi, lang, 1), '–'],
      ],
    },
  };
}
