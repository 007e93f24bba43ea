import * as Plot from '@observablehq/plot';
import type { ChartSpec } from '../components/chart-specs.js';
import {
  type AssumptionDef,
  type AssumptionId,
  assumptionDef,
  type DecisionAnalysis,
  PATH_IDS,
  type PathId,
  type PlanePath,
  type Scenario,
  type Threshold,
  type ThresholdAnalysis,
} from '../engine/index.js';
import {
  formatAssumptionSpread,
  formatAssumptionValue,
  formatMsek as formatMsekSpaced,
  formatNumber,
  formatPercent as formatPercentSpaced,
  type Lang,
  PATH_LABEL,
  pick,
} from '../i18n.js';
import { PATH_COLOUR, PATH_DASH } from './series.js';

/**
 * The "Beslut" (decision) tab's words and charts, from the run's decision analysis and threshold search
 * (src/engine/decision.ts, src/engine/thresholds.ts). Pure: every figure in a sentence or a chart is one
 * field of those analyses, formatted, so a test can trace it back.
 */

/** EVPPI below this (SEK) is left out of the chart and summed up as "the others". */
export const EVPPI_SHOWN_MIN = 50_000;

/** Font size of chart text in px (dm-chart's CSS) and Plot's `lineWidth` in ems for `px` of room. */
const FONT_PX = 12;
const ems = (px: number) => (px / FONT_PX) * 0.9;

/** A figure and its unit never split across lines: "27,0 %", "14,5 mnkr", "SEK 14.5 m". */
const keepTogether = (text: string) => text.replace(/ /g, '\u00a0');
const formatPercent = (x: number, lang: Lang, digits = 0) => keepTogether(formatPercentSpaced(x, lang, digits));
const formatMsek = (x: number, lang: Lang, digits = 1) => keepTogether(formatMsekSpaced(x, lang, digits));

const label = (p: PathId, lang: Lang) => pick(PATH_LABEL[p], lang);
/** A path's name inside a sentence: "samverkan", "collaboration" (status quo keeps its capital). */
const inline = (p: PathId, lang: Lang) => (p === 'status-quo' ? label(p, lang) : lowerFirst(label(p, lang)));

/** Lower-case a label's first letter unless it starts an abbreviation ("KPIF"). */
export function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1].toUpperCase() && text[1] !== text[1].toLowerCase()
    ? text
    : text.charAt(0).toLowerCase() + text.slice(1);
}

/** How many lines Plot wraps `text` onto within `lineWidth` ems (a character taken as 0.6 em). */
function wrappedLines(text: string, lineWidth: number): number {
  const perLine = Math.max(1, Math.floor(lineWidth / 0.6));
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    if (used > 0 && used + 1 + word.length > perLine) {
      lines++;
      used = word.length;
    } else used += (used > 0 ? 1 : 0) + word.length;
  }
  return lines;
}

const isShare = (def: AssumptionDef) => /^(share|percentage points)/.test(def.unit.en);

/**
 * An input's value in words: shares as percentages ("38,6 %"), amounts and counts with their unit
 * ("850 000 kr per år", "1,50 årsarbetare"); factors and positions as bare numbers.
 */
export function inputValue(def: AssumptionDef, x: number, lang: Lang): string {
  const n = keepTogether(formatAssumptionValue(def, x, lang));
  if (isShare(def) || /^(factor|position|added)/.test(def.unit.en)) return n;
  return `${n}\u00a0${pick(def.unit, lang)}`;
}

/** The paths of the analysis in the fixed order (status quo first where it takes part). */
export function planePaths(decision: DecisionAnalysis): PathId[] {
  return PATH_IDS.filter((p) => decision.plane[p]);
}

// --- 1. What would have to be true ---------------------------------------------------------------

/** One threshold in words: the claim, how much of the scenario's assumption lies on the paying side, the error. */
export interface ThresholdText {
  path: PathId;
  input: AssumptionId;
  claim: string;
  /** "0 % av scenariots antagande ligger på den sidan." (null for 'always' / 'never'). */
  share: string | null;
  check: string | null;
}

/** The scenario's own assumption for an input (its low–high and source): an override or the default. */
const assumptionOf = (scenario: Scenario, id: AssumptionId) => scenario.assumptions?.[id] ?? assumptionDef(id).default;

/** Thresholds grouped per path in the fixed path order, each path's in the order found. */
export function orderedThresholds(analysis: ThresholdAnalysis): Threshold[] {
  return PATH_IDS.flatMap((p) => analysis.thresholds.filter((t) => t.path === p));
}

export function thresholdText(t: Threshold, analysis: ThresholdAnalysis, lang: Lang): ThresholdText {
  const sv = lang === 'sv';
  const def = assumptionDef(t.input);
  const name = label(t.path, lang);
  const what = lowerFirst(pick(def.label, lang));
  const v = (x: number) => inputValue(def, x, lang);
  const between = sv ? `mellan ${v(t.range[0])} och ${v(t.range[1])}` : `between ${v(t.range[0])} and ${v(t.range[1])}`;
  let claim: string;
  if (t.value !== null && (t.cheaperWhen === 'above' || t.cheaperWhen === 'below')) {
    const bound = sv
      ? t.cheaperWhen === 'above'
        ? 'minst'
        : 'högst'
      : t.cheaperWhen === 'above'
        ? 'at least'
        : 'at most';
    const spread = t.se === null ? '' : ` (${keepTogether(formatAssumptionSpread(def, t.se, lang))})`;
    claim = sv
      ? `${name} blir billigare än status quo i medianen om ${what} är ${bound} ${v(t.value)}${spread}.`
      : `${name} becomes cheaper than status quo in the median if ${what} is ${bound} ${v(t.value)}${spread}.`;
  } else if (t.cheaperWhen === 'always') {
    claim = sv
      ? `${name} är billigare än status quo i medianen för varje värde av ${what} ${between}.`
      : `${name} is cheaper than status quo in the median for every value of ${what} ${between}.`;
  } else {
    claim = sv
      ? `${name} blir inte billigare än status quo i medianen för något värde av ${what} ${between}.`
      : `${name} does not become cheaper than status quo in the median for any value of ${what} ${between}.`;
  }
  const pct = formatPercent(t.priorShareCheaper, lang);
  const decided = t.value !== null && (t.cheaperWhen === 'above' || t.cheaperWhen === 'below');
  const share = decided
    ? sv
      ? `${pct} av scenariots antagande ligger på den sidan.`
      : `${pct} of the scenario’s assumption lies on that side.`
    : null;
  const check =
    t.check === null
      ? null
      : sv
        ? `Osäkerheten (±) är sökningens standardfel. Kontroll på ${formatNumber(analysis.runs, lang)} andra körningar med antagandet låst vid brytpunkten: medianen blir ${t.check < 0 ? '−' : ''}${formatMsek(Math.abs(t.check), lang, 1)} (${formatPercent(Math.abs(t.check) / analysis.statusQuoNpv, lang, 2)} av status quos kostnad).`
        : `The ± is the search's standard error. Check on ${formatNumber(analysis.runs, lang)} other runs with the input pinned at the threshold: the median is ${t.check < 0 ? '−' : ''}${formatMsek(Math.abs(t.check), lang, 1)} (${formatPercent(Math.abs(t.check) / analysis.statusQuoNpv, lang, 2)} of status quo’s cost).`;
  return { path: t.path, input: t.input, claim, share, check };
}

/** An input's range in the scenario and its source, said once for all the paths whose threshold it has. */
export function priorText(
  input: AssumptionId,
  analysis: ThresholdAnalysis,
  scenario: Scenario,
  lang: Lang,
): { range: string; source: string } {
  const def = assumptionDef(input);
  const t = analysis.thresholds.find((x) => x.input === input) as Threshold;
  const range = `${inputValue(def, t.priorRange[0], lang)}–${inputValue(def, t.priorRange[1], lang)}`;
  return {
    range: lang === 'sv' ? `Antagandet i scenariot: ${range}.` : `The scenario assumes ${range}.`,
    // the source of the searched run's scenario; the working scenario's where the engine gives none
    source: t.source || assumptionOf(scenario, input).source,
  };
}

/** The inputs that have thresholds, in the order of their first path. */
export const thresholdInputs = (analysis: ThresholdAnalysis): AssumptionId[] => [
  ...new Set(orderedThresholds(analysis).map((t) => t.input)),
];

/** "Samverkan behöver spara ytterligare 33 mnkr per år …", for each path that does not break even in the median. */
export function savingSentences(decision: DecisionAnalysis, lang: Lang): { path: PathId; text: string }[] {
  const sv = lang === 'sv';
  return planePaths(decision)
    .filter((p) => (decision.plane[p] as PlanePath).requiredYearlySaving > 0)
    .map((p) => {
      const d = decision.plane[p] as PlanePath;
      const amount = formatMsek(d.requiredYearlySaving, lang, 0);
      const share = formatPercent(d.requiredSavingShare, lang, 1);
      return {
        path: p,
        text: sv
          ? `${label(p, lang)} behöver spara ytterligare ${amount} per år (${share} av status quos kostnad) för att gå jämnt ut i medianen.`
          : `${label(p, lang)} would need to save a further ${amount} a year (${share} of status quo’s cost) to break even in the median.`,
      };
    });
}

/** One chart per input that has thresholds: share of runs cheaper over the searched range, per path. */
export function thresholdCharts(analysis: ThresholdAnalysis, lang: Lang): ChartSpec[] {
  return thresholdInputs(analysis).map((input) =>
    thresholdChart(
      input,
      orderedThresholds(analysis).filter((t) => t.input === input),
      analysis.runs,
      lang,
    ),
  );
}

function thresholdChart(input: AssumptionId, items: Threshold[], runs: number, lang: Lang): ChartSpec {
  const sv = lang === 'sv';
  const def = assumptionDef(input);
  const paths = items.map((t) => t.path);
  const [lo, hi] = items[0].range;
  const prior = items[0].priorRange;
  const curve = items.flatMap((t) => t.curve.map((c) => ({ path: t.path, ...c })));
  const crossings = items.filter((t) => t.value !== null).map((t) => ({ path: t.path, value: t.value as number }));
  const share = isShare(def);
  const span = hi - lo;
  const tick = (x: number) =>
    share ? formatPercent(x, lang, span < 0.05 ? 1 : 0) : formatNumber(x, lang, span >= 100 ? 0 : span >= 5 ? 1 : 2);
  const v = (x: number) => inputValue(def, x, lang);
  const priorLabel = sv ? 'antagande i scenariot' : 'scenario’s assumption';
  const name = pick(def.label, lang);
  const pathNames = paths.map((p) => label(p, lang)).join(', ');
  return {
    id: `threshold-${input}`,
    title: sv
      ? 'Andel körningar där vägvalet blir billigare, vid olika värden på antagandet'
      : 'Share of runs in which the path is cheaper, at different values of the input',
    description: sv
      ? `${name}. ${pathNames}. Varje punkt är en omräkning med antagandet låst till det värdet och övriga antaganden dragna som i körningen (${formatNumber(runs, lang)} körningar per punkt). Lodrät linje och romb: brytpunkten, där medianen av nettoeffekten är noll (räknad körning för körning, så den kan ligga en bit från de raka linjerna mellan punkterna). Skuggat: scenariots antagande, lågt till högt.`
      : `${name}. ${pathNames}. Each point is a re-run with the input pinned at that value and the other inputs drawn as in the run (${formatNumber(runs, lang)} runs per point). Vertical line and diamond: the threshold, where the median net effect is zero (found run by run, so it may lie a little off the straight lines between the points). Shaded: the scenario’s assumption, low to high.`,
    options: (width) => {
      // the label of the shaded range runs inwards from its nearer edge, so it is never cut off
      const leftHalf = (prior[0] + prior[1]) / 2 <= (lo + hi) / 2;
      const marginLeft = 52;
      const marginRight = 24;
      const inner = width - marginLeft - marginRight;
      return {
        width,
        height: 260,
        marginLeft,
        marginRight,
        marginTop: 24,
        marginBottom: 44,
        x: {
          domain: [lo, hi],
          label: pick(def.unit, lang),
          labelAnchor: 'center',
          labelArrow: 'none',
          ticks: Math.max(2, Math.min(8, Math.floor(inner / 70))),
          tickFormat: tick,
        },
        y: {
          domain: [0, 1],
          label: sv ? 'andel körningar billigare' : 'share of runs cheaper',
          grid: true,
          tickFormat: (d: number) => formatPercent(d, lang),
        },
        color: {
          domain: paths,
          range: paths.map((p) => PATH_COLOUR[p]),
          legend: paths.length > 1,
          tickFormat: (p: PathId) => label(p, lang),
        },
        marks: [
          ...(prior[1] > prior[0]
            ? [
                Plot.rect([prior], { x1: (d) => d[0], x2: (d) => d[1], y1: 0, y2: 1, fill: '#d9e2ec' }),
                Plot.text([priorLabel], {
                  x: leftHalf ? prior[0] : prior[1],
                  y: 1,
                  dy: 10,
                  dx: leftHalf ? 4 : -4,
                  textAnchor: leftHalf ? 'start' : 'end',
                  fill: '#222',
                  stroke: '#fff',
                  strokeWidth: 3,
                  lineWidth: ems(inner * 0.9),
                }),
              ]
            : []),
          Plot.ruleY([0.5], { stroke: '#888', strokeDasharray: '3,3' }),
          ...paths.map((p) =>
            Plot.line(
              curve.filter((c) => c.path === p),
              {
                x: 'value',
                y: 'probCheaper',
                stroke: 'path',
                strokeWidth: 2.5,
                strokeDasharray: PATH_DASH[p] === 'none' ? undefined : PATH_DASH[p],
              },
            ),
          ),
          Plot.dot(curve, { x: 'value', y: 'probCheaper', fill: 'path', r: 2.5 }),
          Plot.ruleX(crossings, { x: 'value', stroke: 'path', strokeWidth: 1.5 }),
          Plot.dot(crossings, { x: 'value', y: 0.5, fill: 'path', stroke: '#fff', symbol: 'diamond', r: 6 }),
          Plot.frame({ stroke: '#ccc' }),
        ],
      };
    },
    table: {
      columns: sv
        ? ['Vägval', 'Punkt', pick(def.label, lang), 'Andel körningar billigare', 'Median nettoeffekt (mnkr)']
        : ['Path', 'Point', pick(def.label, lang), 'Share of runs cheaper', 'Median net effect (SEK m)'],
      rows: [
        [
          '–',
          sv ? 'antagande i scenariot (lågt–högt)' : 'scenario’s assumption (low–high)',
          `${v(prior[0])}–${v(prior[1])}`,
          '',
          '',
        ],
        ...items.flatMap((t) => [
          ...t.curve.map((c) => [
            label(t.path, lang),
            sv ? 'omräkning' : 're-run',
            v(c.value),
            formatPercent(c.probCheaper, lang),
            formatNumber(c.medianNpv / 1e6, lang, 1),
          ]),
          ...(t.value === null
            ? []
            : [
                [
                  label(t.path, lang),
                  sv ? 'brytpunkt' : 'threshold',
                  v(t.value),
                  '',
                  t.check === null ? '0' : formatNumber(t.check / 1e6, lang, 1),
                ],
              ]),
        ]),
      ],
    },
  };
}

// --- 2. Cost against development capacity --------------------------------------------------------

const QUADRANTS = ['cheaperMore', 'cheaperSame', 'cheaperLess', 'dearerMore', 'dearerSame', 'dearerLess'] as const;
type Quadrant = (typeof QUADRANTS)[number];

const QUADRANT_TEXT: Record<Quadrant, { sv: string; en: string }> = {
  cheaperMore: { sv: 'billigare och ger mer utvecklingskapacitet', en: 'cheaper and gives more development capacity' },
  cheaperLess: {
    sv: 'billigare men ger mindre utvecklingskapacitet',
    en: 'cheaper but gives less development capacity',
  },
  cheaperSame: {
    sv: 'billigare och ger samma utvecklingskapacitet',
    en: 'cheaper and gives the same development capacity',
  },
  dearerSame: { sv: 'dyrare och ger samma utvecklingskapacitet', en: 'dearer and gives the same development capacity' },
  dearerMore: { sv: 'dyrare men ger mer utvecklingskapacitet', en: 'dearer but gives more development capacity' },
  dearerLess: { sv: 'dyrare och ger mindre utvecklingskapacitet', en: 'dearer and gives less development capacity' },
};

/** Per path: the quadrants' shares in words (largest first), capacity per year and cost per FTE gained. */
export function planeSentences(decision: DecisionAnalysis, lang: Lang): { path: PathId; text: string }[] {
  const sv = lang === 'sv';
  return planePaths(decision).map((p) => {
    const d = decision.plane[p] as PlanePath;
    const parts = QUADRANTS.map((q) => ({ q, share: d.quadrants[q] }))
      .filter((x) => x.share >= 0.005)
      .sort((a, b) => b.share - a.share)
      .map((x, i) => {
        const pct = formatPercent(x.share, lang);
        const words = pick(QUADRANT_TEXT[x.q], lang);
        if (i > 0) return sv ? `i ${pct} ${words}` : `in ${pct} it is ${words}`;
        return sv
          ? `I ${pct} av körningarna blir ${inline(p, lang)} ${words}`
          : `In ${pct} of the runs ${inline(p, lang)} is ${words}`;
      });
    // never "−0,0": a change that rounds to zero is shown as 0
    const capacity = formatNumber(Math.abs(d.capacityPerYear) < 0.05 ? 0 : d.capacityPerYear, lang, 1);
    let text = `${parts.join('; ')}. `;
    text += sv
      ? `I genomsnitt ${capacity} utvecklingsårsarbetare per år jämfört med status quo.`
      : `On average ${capacity} development FTE a year against status quo.`;
    if (d.costPerFteYear !== null)
      text += sv
        ? ` Varje utvecklingsårsarbetare som vinns kostar i genomsnitt ${formatNumber(d.costPerFteYear, lang)} kr (nuvärde).`
        : ` Each development FTE-year gained costs SEK ${formatNumber(d.costPerFteYear, lang)} on average (present value).`;
    return { path: p, text };
  });
}

/** Correlations from this size (absolute) make the two axes "largely the same money". */
export const SAME_MONEY_CORRELATION = 0.5;

/**
 * The note that the two axes are largely the same money under today's budget, naming the paths whose
 * correlation shows it; null when no path's does (e.g. where no member has money left for development).
 */
export function planeNote(decision: DecisionAnalysis, lang: Lang): string | null {
  const sv = lang === 'sv';
  const strong = planePaths(decision).filter(
    (p) => Math.abs(decision.plane[p]?.correlation ?? 0) >= SAME_MONEY_CORRELATION,
  );
  if (strong.length === 0) return null;
  const correlations = strong.map((p) =>
    sv
      ? `korrelation ${formatNumber(decision.plane[p]?.correlation as number, lang, 2)} för ${inline(p, lang)}`
      : `correlation ${formatNumber(decision.plane[p]?.correlation as number, lang, 2)} for ${inline(p, lang)}`,
  );
  return sv
    ? `Obs: med dagens budget blir en besparing till utvecklingspersonal, så de två axlarna är till stor del samma pengar (${correlations.join(', ')}). Ett vägval är alltså inte värt mer för att det syns på båda axlarna.`
    : `Note: under today’s budget a saving turns into development staff, so the two axes are largely the same money (${correlations.join(', ')}). A path is therefore not worth more because it shows up on both axes.`;
}

/** Panels per row: two for four paths (squarer scatter plots), three for more, one on a narrow screen. */
const planeColumns = (width: number, n: number) => (width < 480 ? 1 : n === 4 || width < 700 ? 2 : Math.min(3, n));

export function planeChart(decision: DecisionAnalysis, lang: Lang): ChartSpec {
  const sv = lang === 'sv';
  const paths = planePaths(decision);
  const points = paths.flatMap((path) => {
    const { cost, capacity } = (decision.plane[path] as PlanePath).points;
    return cost.map((c, i) => ({ path, cost: c / 1e6, capacity: capacity[i] }));
  });
  const panel = (p: PathId) => paths.indexOf(p);
  // room above the highest dot (and zero) for each panel's title
  const yMin = Math.min(0, ...points.map((d) => d.capacity));
  const yMax = Math.max(0, ...points.map((d) => d.capacity));
  const yDomain = [yMin, yMax + 0.14 * (yMax - yMin || 1)];
  const n = (decision.plane[paths[0]] as PlanePath | undefined)?.points.cost.length ?? 0;
  return {
    id: 'cost-capacity',
    title: sv
      ? 'Kostnad mot utvecklingskapacitet, jämfört med status quo'
      : 'Cost against development capacity, compared with status quo',
    description: sv
      ? `En punkt per körning (de första ${formatNumber(n, lang)}), en panel per vägval. Till vänster om den lodräta nollinjen är vägvalet billigare, ovanför den vågräta ger det mer utvecklingskapacitet. Båda i nuvärde över perioden.`
      : `One dot per run (the first ${formatNumber(n, lang)}), one panel per path. Left of the vertical zero line the path is cheaper, above the horizontal one it gives more development capacity. Both in present value over the period.`,
    options: (width) => {
      const columns = planeColumns(width, paths.length);
      const marginLeft = 56;
      const marginRight = 16;
      const fx = (d: { path: PathId }) => panel(d.path) % columns;
      const fy = (d: { path: PathId }) => Math.floor(panel(d.path) / columns);
      const panelWidth = (width - marginLeft - marginRight) / columns;
      return {
        width,
        height: Math.ceil(paths.length / columns) * Math.min(280, Math.max(190, panelWidth * 0.7)) + 60,
        marginLeft,
        marginRight,
        marginTop: 30,
        marginBottom: 44,
        x: {
          label: sv ? 'mnkr mot status quo (nuvärde)' : 'SEK m against status quo (present value)',
          labelAnchor: 'center',
          labelArrow: 'none',
          ticks: Math.max(2, Math.floor(panelWidth / 70)),
          tickFormat: (d: number) => formatNumber(d, lang, 0),
        },
        y: {
          domain: yDomain,
          label: sv ? 'utvecklingsårsarbetare (nuvärde)' : 'development FTE-years (present value)',
          grid: true,
          tickFormat: (d: number) => formatNumber(d, lang, 0),
        },
        fx: { axis: null, padding: 0.12 },
        fy: { axis: null, padding: 0.12 },
        color: { domain: paths, range: paths.map((p) => PATH_COLOUR[p]) },
        marks: [
          Plot.frame({ stroke: '#ddd' }),
          Plot.ruleX([0], { stroke: '#333' }),
          Plot.ruleY([0], { stroke: '#333' }),
          Plot.dot(points, { x: 'cost', y: 'capacity', fx, fy, fill: 'path', r: 1.8, fillOpacity: 0.45 }),
          Plot.text(paths, {
            fx: (p: PathId) => panel(p) % columns,
            fy: (p: PathId) => Math.floor(panel(p) / columns),
            frameAnchor: 'top-left',
            dx: 6,
            dy: 6,
            text: (p: PathId) => label(p, lang),
            fill: (p: PathId) => PATH_COLOUR[p],
            fontWeight: 'bold',
            lineWidth: ems(panelWidth - 20) * 0.9,
          }),
        ],
      };
    },
    table: {
      columns: sv
        ? [
            'Vägval',
            'Billigare, mer kapacitet',
            'Billigare, samma kapacitet',
            'Billigare, mindre kapacitet',
            'Dyrare, mer kapacitet',
            'Dyrare, samma kapacitet',
            'Dyrare, mindre kapacitet',
            'Korrelation',
            'Kapacitet per år (åa)',
            'Kostnad per vunnen utvecklingsårsarbetare (kr)',
          ]
        : [
            'Path',
            'Cheaper, more capacity',
            'Cheaper, same capacity',
            'Cheaper, less capacity',
            'Dearer, more capacity',
            'Dearer, same capacity',
            'Dearer, less capacity',
            'Correlation',
            'Capacity per year (FTE)',
            'Cost per development FTE-year gained (SEK)',
          ],
      rows: paths.map((p) => {
        const d = decision.plane[p] as PlanePath;
        return [
          label(p, lang),
          ...QUADRANTS.map((q) => formatPercent(d.quadrants[q], lang)),
          d.correlation === null ? '–' : formatNumber(d.correlation, lang, 2),
          formatNumber(d.capacityPerYear, lang, 1),
          d.costPerFteYear === null ? '–' : formatNumber(d.costPerFteYear, lang),
        ];
      }),
    },
  };
}

// --- 3. Probability of being the best choice -----------------------------------------------------

/** The options of the acceptability curve (status quo included) in the fixed order. */
export const acceptabilityOptions = (decision: DecisionAnalysis): PathId[] =>
  PATH_IDS.filter((p) => decision.acceptability.best[p]);

/** Which option is most often best at the first λ (cost alone) and at the λ nearest the wage cost. */
export function acceptabilitySentence(decision: DecisionAnalysis, lang: Lang): string {
  const sv = lang === 'sv';
  const { lambdas, best } = decision.acceptability;
  const options = acceptabilityOptions(decision);
  const top = (i: number) => {
    const p = options.reduce((a, b) => ((best[b]?.[i] ?? 0) > (best[a]?.[i] ?? 0) ? b : a));
    return { p, share: formatPercent(best[p]?.[i] ?? 0, lang) };
  };
  let k = 0;
  for (let i = 1; i < lambdas.length; i++)
    if (Math.abs(lambdas[i] - decision.wageCost) < Math.abs(lambdas[k] - decision.wageCost)) k = i;
  const a = top(0);
  const b = top(k);
  const at = `${formatNumber(lambdas[k], lang)} kr`;
  return sv
    ? `Räknat på kostnaden enbart är ${inline(a.p, lang)} oftast bäst (i ${a.share} av körningarna). Är en utvecklingsårsarbetare värd ${at} utöver lönen är ${inline(b.p, lang)} oftast bäst (${b.share}).`
    : `Counting cost alone, ${inline(a.p, lang)} is most often best (in ${a.share} of the runs). If a development FTE-year is worth ${at} beyond its wage, ${inline(b.p, lang)} is most often best (${b.share}).`;
}

export function acceptabilityChart(decision: DecisionAnalysis, lang: Lang): ChartSpec {
  const sv = lang === 'sv';
  const options = acceptabilityOptions(decision);
  const { lambdas, best } = decision.acceptability;
  const rows = options.flatMap((p) => lambdas.map((l, i) => ({ path: p, lambda: l / 1000, share: best[p]?.[i] ?? 0 })));
  const wage = decision.wageCost / 1000;
  const span = (lambdas[lambdas.length - 1] - lambdas[0]) / 1000;
  const wageLabel = sv ? 'värt en lön till' : 'worth one wage more';
  return {
    id: 'acceptability',
    title: sv ? 'Sannolikhet att vara bästa valet' : 'Probability of being the best choice',
    description: sv
      ? `Andel av körningarna där varje alternativ ger mest, beroende på vad en utvecklingsårsarbetare är värd för er utöver lönekostnaden. Vid 0 kr jämförs bara kostnaden. Ett positivt värde betyder att ett utvecklingsår är värt mer för er än det kostar (pengarna i sig är redan räknade i kostnaden). Streckad lodrät linje: ett värde lika stort som lönekostnaden per årsarbetare, ${formatNumber(decision.wageCost, lang)} kr (utvecklingsåret värt dubbelt så mycket som det kostar).`
      : `Share of the runs in which each option yields most, depending on what a development FTE-year is worth to you beyond its wage cost. At SEK 0 only cost is compared. A positive value means a development year is worth more to you than it costs (the money itself is already counted in the cost). Dashed vertical line: a value equal to the wage cost per FTE, SEK ${formatNumber(decision.wageCost, lang)} (a development year worth twice what it costs).`,
    options: (width) => {
      const marginLeft = 52;
      const marginRight = 24;
      const inner = width - marginLeft - marginRight;
      return {
        width,
        height: 300,
        marginLeft,
        marginRight,
        marginTop: 24,
        marginBottom: 44,
        x: {
          domain: [lambdas[0] / 1000, lambdas[lambdas.length - 1] / 1000],
          // an axis label does not wrap: a shorter one on a narrow screen
          label:
            inner >= 520
              ? sv
                ? 'värde av en utvecklingsårsarbetare utöver lönekostnaden (tusen kr)'
                : 'value of a development FTE-year beyond its wage cost (SEK thousand)'
              : sv
                ? 'värde utöver lönen (tusen kr)'
                : 'value beyond wage (SEK thousand)',
          labelAnchor: 'center',
          labelArrow: 'none',
          ticks: Math.max(2, Math.min(8, Math.floor(inner / 70))),
          tickFormat: (d: number) => formatNumber(d, lang, 0),
        },
        y: {
          domain: [0, 1],
          label: sv ? 'andel körningar där alternativet är bäst' : 'share of runs in which the option is best',
          grid: true,
          tickFormat: (d: number) => formatPercent(d, lang),
        },
        color: {
          domain: options,
          range: options.map((p) => PATH_COLOUR[p]),
          legend: true,
          tickFormat: (p: PathId) => label(p, lang),
        },
        marks: [
          Plot.ruleX([wage], { stroke: '#333', strokeDasharray: '4,3' }),
          // inside the frame right of its line, where the curves have mostly settled at the top or bottom
          Plot.text([wageLabel], {
            x: wage,
            y: 0.62,
            dx: 5,
            textAnchor: 'start',
            fill: '#222',
            stroke: '#fff',
            strokeWidth: 3,
            lineWidth: ems(inner * (1 - (wage - lambdas[0] / 1000) / (span || 1)) - 14),
          }),
          ...options.map((p) =>
            Plot.line(
              rows.filter((r) => r.path === p),
              {
                x: 'lambda',
                y: 'share',
                stroke: 'path',
                strokeWidth: 2.5,
                strokeDasharray: PATH_DASH[p] === 'none' ? undefined : PATH_DASH[p],
              },
            ),
          ),
          Plot.frame({ stroke: '#ccc' }),
        ],
      };
    },
    table: {
      columns: [
        sv ? 'Värde utöver lönekostnaden (kr)' : 'Value beyond wage cost (SEK)',
        ...options.map((p) => label(p, lang)),
      ],
      rows: lambdas.map((l, i) => [
        formatNumber(l, lang),
        ...options.map((p) => formatPercent(best[p]?.[i] ?? 0, lang)),
      ]),
    },
  };
}

// --- 4. What is worth finding out before the decision --------------------------------------------

/** The inputs worth at least `EVPPI_SHOWN_MIN`, largest first. */
export const evppiShown = (decision: DecisionAnalysis) => decision.evppi.filter((e) => e.value >= EVPPI_SHOWN_MIN);

/** The top input's value of information and EVPI as the upper bound, in words. */
export function evppiSentences(decision: DecisionAnalysis, lang: Lang): string[] {
  const sv = lang === 'sv';
  const shown = evppiShown(decision);
  const evpi = formatMsek(decision.evpi, lang, 1);
  const out: string[] = [];
  if (shown.length > 0) {
    const top = shown[0];
    const what = lowerFirst(pick(assumptionDef(top.input).label, lang));
    out.push(
      sv
        ? `Att ta reda på ${what} före beslutet är värt upp till ${formatMsek(top.value, lang, 1)}.`
        : `Finding out ${what} before the decision is worth up to ${formatMsek(top.value, lang, 1)}.`,
    );
  } else
    out.push(
      sv
        ? `Inget enskilt antagande är värt ${formatMsek(EVPPI_SHOWN_MIN, lang, 2)} eller mer att ta reda på före beslutet.`
        : `No single input is worth ${formatMsek(EVPPI_SHOWN_MIN, lang, 2)} or more to find out before the decision.`,
    );
  out.push(
    sv
      ? `Övre gräns, perfekt kunskap om allt: ${evpi}.${decision.evppi.length > shown.length ? ` Övriga antaganden under ${formatMsek(EVPPI_SHOWN_MIN, lang, 2)}.` : ''}`
      : `Upper bound, perfect knowledge of everything: ${evpi}.${decision.evppi.length > shown.length ? ` Other inputs below ${formatMsek(EVPPI_SHOWN_MIN, lang, 2)}.` : ''}`,
  );
  return out;
}

export function evppiChart(decision: DecisionAnalysis, lang: Lang): ChartSpec | null {
  const sv = lang === 'sv';
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
  const evpiLabel = sv ? 'perfekt kunskap om allt' : 'perfect knowledge of everything';
  return {
    id: 'evppi',
    title: sv
      ? 'Värdet av att veta före beslutet, per antagande'
      : 'The value of knowing before the decision, per input',
    description: sv
      ? 'Hur mycket lägre den förväntade kostnaden blir om man visste antagandets rätta värde innan man väljer vägval (mnkr, nuvärde). Strecket visar osäkerheten i skattningen (±1 medelfel). Streckad linje: perfekt kunskap om allt, en övre gräns.'
      : 'How much lower the expected cost would be if the input’s true value were known before choosing a path (SEK m, present value). The whisker shows the estimate’s uncertainty (±1 standard error). Dashed line: perfect knowledge of everything, an upper bound.',
    options: (width) => {
      // narrow (phone, high zoom): each input's name above its bar, since long words cannot wrap in a margin
      const narrow = width < 480;
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
          label: sv ? 'mnkr (nuvärde)' : 'SEK m (present value)',
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
      columns: sv
        ? ['Antagande', 'Värde av att veta (mnkr)', 'Medelfel (mnkr)']
        : ['Input', 'Value of knowing (SEK m)', 'Standard error (SEK m)'],
      rows: [
        ...rows.map((r) => [
          r.input,
          formatNumber(r.value, lang, 1),
          r.se === null ? '–' : formatNumber(r.se / 1e6, lang, 1),
        ]),
        [sv ? 'Perfekt kunskap om allt' : 'Perfect knowledge of everything', formatNumber(evpi, lang, 1), '–'],
      ],
    },
  };
}
