import {
  type AssumptionId,
  assumptionDef,
  PATH_IDS,
  type PathId,
  type Results,
  type Threshold,
} from '../engine/index.js';
import {
  formatAssumptionSpread,
  formatAssumptionValue,
  formatNumber,
  formatPercent,
  type Lang,
  PATH_LABEL,
  pick,
} from '../i18n.js';

/** How likely, in words, for a probability p (sv/en). Thresholds: 0.9, 0.7, 0.3, 0.1. */
export function likelihood(p: number, lang: Lang): string {
  const sv = lang === 'sv';
  if (p >= 0.9) return sv ? 'mycket sannolikt' : 'very likely';
  if (p >= 0.7) return sv ? 'sannolikt' : 'likely';
  if (p > 0.3) return sv ? 'lika gärna som inte' : 'about as likely as not';
  if (p > 0.1) return sv ? 'osannolikt' : 'unlikely';
  return sv ? 'mycket osannolikt' : 'very unlikely';
}

/**
 * One input "explains most of the spread" of a path's net effect when its Spearman rank correlation
 * with it, squared, is at least this. The probability of being cheaper then mostly restates that
 * input's assumed distribution (MODEL.md §9), so the summary names the input instead of a probability word.
 */
export const DOMINANT_SHARE = 0.5;

/** EVPPI below this (SEK) is reported as "no value": under the estimator's noise for any real scenario. */
export const NEGLIGIBLE_VALUE = 50_000;

export const mnkr = (x: number, lang: Lang) =>
  `${formatNumber(Math.abs(x) / 1e6, lang, 0)} ${lang === 'sv' ? 'mnkr' : 'SEK m'}`;
/** "8 fall av 10" in plain words. */
const inTen = (p: number, lang: Lang) => {
  const n = Math.round(p * 10);
  return lang === 'sv' ? `${n} fall av 10` : `${n} cases in 10`;
};

/** The first part of a source text, before any explanation: "Statskontoret 2023 (Hand i hand)". */
export function shortSource(source: string): string {
  const head = source.split(/[:;]/)[0].trim();
  return head.length > 70 ? `${head.slice(0, 67)}…` : head;
}

/** The path's strongest driver, and whether it alone explains most of the spread (DOMINANT_SHARE). */
export function dominantInput(results: Results, path: PathId) {
  const top = results.paths[path].sensitivity.npvVsStatusQuo[0];
  if (!top || !Number.isFinite(top.rankCorrelation)) return null;
  return {
    input: top.input,
    explained: top.rankCorrelation ** 2,
    dominant: top.rankCorrelation ** 2 >= DOMINANT_SHARE,
  };
}

/**
 * The share of runs in which a path is cheaper "restates" its threshold input's assumption when it
 * differs from the share of that assumption on the paying side by at most this.
 */
export const RESTATES_WITHIN = 0.1;

/**
 * The least share of the spread (Spearman ρ²) the threshold's input must explain for the probability to
 * count as restating it: near P = 50 % a probability is within RESTATES_WITHIN of the share whatever
 * drives it, so the match alone proves nothing.
 */
export const RESTATES_EXPLAINED = 0.25;

/** The share of a path's spread (ρ², Spearman) that one input explains alone; 0 if it is not ranked. */
export function explainedBy(results: Results, path: PathId, input: AssumptionId): number {
  const driver = results.paths[path].sensitivity.npvVsStatusQuo.find((d) => d.input === input);
  return driver && Number.isFinite(driver.rankCorrelation) ? driver.rankCorrelation ** 2 : 0;
}

/**
 * Whether a path's probability of being cheaper merely restates its threshold input's assumption: the
 * threshold crosses within the searched range, that input explains at least RESTATES_EXPLAINED of the
 * spread, and the probability is within RESTATES_WITHIN of the share of the assumption on the side where
 * the path pays off.
 */
export function restatesAssumption(probability: number, t: Threshold, explained: number): boolean {
  return (
    t.value !== null &&
    explained >= RESTATES_EXPLAINED &&
    Math.abs(probability - t.priorShareCheaper) <= RESTATES_WITHIN
  );
}

/**
 * The threshold a path's sentence states: of its strongest input if that one crosses, else any that
 * crosses, else the strongest input's (which then says "never" or "always").
 */
export function summaryThreshold(results: Results, path: PathId): Threshold | undefined {
  const own = results.thresholds?.thresholds.filter((t) => t.path === path) ?? [];
  const top = results.paths[path].sensitivity.npvVsStatusQuo[0]?.input;
  return (
    own.find((t) => t.input === top && t.value !== null) ??
    own.find((t) => t.value !== null) ??
    own.find((t) => t.input === top) ??
    own[0]
  );
}

/** "X blir billigare än status quo om <input> är minst 38,6 %; scenariot antar 0–30 % (källa) …". */
function condition(t: Threshold, lang: Lang): string {
  const sv = lang === 'sv';
  const def = assumptionDef(t.input);
  const label = pick(def.label, lang).toLowerCase();
  const f = (x: number) => formatAssumptionValue(def, x, lang);
  const path = pick(PATH_LABEL[t.path], lang);
  const range = `${f(t.range[0])}–${f(t.range[1])}`;
  const prior = `${f(t.priorRange[0])}–${f(t.priorRange[1])} (${shortSource(t.source)})`;
  if (t.value === null)
    return t.cheaperWhen === 'always'
      ? sv
        ? `${path} blir billigare än status quo för alla värden av ${label} mellan ${range}; scenariot antar ${prior}.`
        : `${path} is cheaper than status quo for every value of the ${label} from ${range}; the scenario assumes ${prior}.`
      : sv
        ? `${path} blir inte billigare än status quo för något värde av ${label} mellan ${range}; scenariot antar ${prior}.`
        : `${path} is not cheaper than status quo for any value of the ${label} from ${range}; the scenario assumes ${prior}.`;
  const bound = t.cheaperWhen === 'above' ? (sv ? 'minst' : 'at least') : sv ? 'högst' : 'at most';
  const spread = t.se === null ? '' : ` (${formatAssumptionSpread(def, t.se, lang)})`;
  // a median that changes sign more than once: the first crossing, and that there are more
  const more =
    t.crossings > 1
      ? sv
        ? ` (första av ${t.crossings} brytpunkter i intervallet ${range})`
        : ` (the first of ${t.crossings} thresholds in ${range})`
      : '';
  return sv
    ? `Billigare om ${label} är ${bound} ${f(t.value)}${spread}${more}; scenariot antar ${prior}, varav ${formatPercent(t.priorShareCheaper, lang)} på den sidan.`
    : `Cheaper if the ${label} is ${bound} ${f(t.value)}${spread}${more}; the scenario assumes ${prior}, ${formatPercent(t.priorShareCheaper, lang)} of it on that side.`;
}

/**
 * The politicians' summary, generated from the results only. It leads with the conditions (MODEL.md
 * §9): per path its median net effect and what would have to be true for it to pay off, set against
 * the scenario's assumption and its source; a probability word only where no single input explains
 * most of the spread (DOMINANT_SHARE), else the input is named instead; then what is worth finding out
 * before deciding (EVPPI), capacity and robustness, and the basis. Thresholds and the decision
 * analysis are used when `results` carries them (they arrive after the run).
 */
export function summarySentences(results: Results, lang: Lang): string[] {
  const sv = lang === 'sv';
  const last = results.years.length - 1;
  const year = results.years[last];
  const horizon = results.years.length;
  const sq = results.paths['status-quo'];
  const sqLast = sq.years[last].totalCost;
  const label = (p: PathId) => pick(PATH_LABEL[p], lang);
  const lower = (p: PathId) => (sv ? label(p).toLowerCase() : label(p));
  const paths = PATH_IDS.filter((p) => p !== 'status-quo' && results.paths[p].enabled);
  const sentences: string[] = [];
  sentences.push(
    sv
      ? `Med status quo kostar IT för de ${results.scenario.members.length} kommunerna ${mnkr(sq.years[0].totalCost.p50, lang)} år ${results.years[0]} och ${mnkr(sqLast.p50, lang)} år ${year} i fasta priser (i 8 fall av 10 mellan ${mnkr(sqLast.p10, lang)} och ${mnkr(sqLast.p90, lang)}).`
      : `With status quo, IT for the ${results.scenario.members.length} municipalities costs ${mnkr(sq.years[0].totalCost.p50, lang)} in ${results.years[0]} and ${mnkr(sqLast.p50, lang)} in ${year} at fixed prices (in 8 cases in 10 between ${mnkr(sqLast.p10, lang)} and ${mnkr(sqLast.p90, lang)}).`,
  );
  if (paths.length === 0) return sentences;
  const ranked = [...paths].sort((a, b) => results.paths[a].npvVsStatusQuo.p50 - results.paths[b].npvVsStatusQuo.p50);
  for (const p of ranked) {
    const r = results.paths[p];
    const m = r.npvVsStatusQuo.p50;
    const parts: string[] = [];
    parts.push(
      m < 0
        ? sv
          ? `${label(p)}: i median ${mnkr(m, lang)} billigare än status quo på ${horizon} år (nuvärde).`
          : `${label(p)}: a median ${mnkr(m, lang)} cheaper than status quo over ${horizon} years (present value).`
        : sv
          ? `${label(p)}: i median ${mnkr(m, lang)} dyrare än status quo på ${horizon} år (nuvärde).`
          : `${label(p)}: a median ${mnkr(m, lang)} dearer than status quo over ${horizon} years (present value).`,
    );
    const top = dominantInput(results, p);
    const threshold = summaryThreshold(results, p);
    if (threshold) parts.push(condition(threshold, lang));
    const probability = r.probCheaper ?? 0;
    const share = formatPercent(probability, lang);
    const name = top ? pick(assumptionDef(top.input).label, lang).toLowerCase() : '';
    const explained = top ? formatPercent(top.explained, lang) : '';
    if (threshold && restatesAssumption(probability, threshold, explainedBy(results, p, threshold.input))) {
      parts.push(
        sv
          ? `Andelen körningar där det blir billigare (${share}) återger därmed i huvudsak antagandet.`
          : `The share of runs in which it is cheaper (${share}) thus mostly restates the assumption.`,
      );
    } else if (top?.dominant) {
      // one input explains most of the spread: no probability word, the input named instead
      parts.push(
        sv
          ? `Utfallet hänger främst på ${name} (${explained} av spridningen), så andelen körningar där det blir billigare (${share}) återger i huvudsak det antagandet.`
          : `The outcome hangs mainly on the ${name} (${explained} of the spread), so the share of runs in which it is cheaper (${share}) mostly restates that assumption.`,
      );
    } else {
      parts.push(
        sv
          ? `Med scenariots antaganden blir det ${likelihood(probability, lang)} billigare (i ${inTen(probability, lang)}).`
          : `With the scenario's assumptions it is ${likelihood(probability, lang)} to be cheaper (in ${inTen(probability, lang)}).`,
      );
    }
    sentences.push(parts.join(' '));
  }
  const decision = results.decision;
  if (decision) {
    const top = decision.evppi[0];
    if (top && top.value >= NEGLIGIBLE_VALUE) {
      const name = pick(assumptionDef(top.input).label, lang).toLowerCase();
      sentences.push(
        sv
          ? `Mest värt att ta reda på före beslutet är ${name}: att känna det säkert är värt upp till ${mnkr(top.value, lang)} i nuvärde (all osäkerhet tillsammans: ${mnkr(decision.evpi, lang)}).`
          : `Most worth finding out before deciding is the ${name}: knowing it for certain is worth up to ${mnkr(top.value, lang)} in present value (all uncertainty together: ${mnkr(decision.evpi, lang)}).`,
      );
    } else if (decision.evpi < NEGLIGIBLE_VALUE) {
      sentences.push(
        sv
          ? 'Inget av antagandena ändrar inom sina intervall vilket vägval som blir billigast; mer utredning före beslutet ändrar inte valet på kostnad.'
          : 'No assumption, within its range, changes which path is cheapest; more investigation before deciding does not change the choice on cost.',
      );
    } else {
      sentences.push(
        sv
          ? `Inget enskilt antagande är värt mycket att ta reda på före beslutet, men all osäkerhet tillsammans är värd upp till ${mnkr(decision.evpi, lang)} i nuvärde.`
          : `No single assumption is worth much to find out before deciding, but all uncertainty together is worth up to ${mnkr(decision.evpi, lang)} in present value.`,
      );
    }
  }
  const capacity = (p: PathId) => results.paths[p].years[last].developmentCapacity.p50;
  const mostCapacity = [...paths].sort((a, c) => capacity(c) - capacity(a))[0];
  const robust = (p: PathId) => results.paths[p].years[last].robustCoverage.mean;
  const mostRobust = [...paths].sort((a, c) => robust(c) - robust(a))[0];
  sentences.push(
    sv
      ? `Med dagens budget räcker pengarna år ${year} till ${formatNumber(capacity('status-quo'), lang, 0)} årsarbetare för utveckling med status quo och ${formatNumber(capacity(mostCapacity), lang, 0)} med ${lower(mostCapacity)}; andelen förmågor som inte hänger på en enda person är ${formatPercent(robust('status-quo'), lang)} med status quo och ${formatPercent(robust(mostRobust), lang)} med ${lower(mostRobust)}.`
      : `With today's budget, the money in ${year} pays for ${formatNumber(capacity('status-quo'), lang, 0)} full-time staff for development with status quo and ${formatNumber(capacity(mostCapacity), lang, 0)} with ${lower(mostCapacity)}; the share of capabilities that do not hang on a single person is ${formatPercent(robust('status-quo'), lang)} with status quo and ${formatPercent(robust(mostRobust), lang)} with ${lower(mostRobust)}.`,
  );
  sentences.push(
    sv
      ? `Siffrorna bygger på ${formatNumber(results.runsDone, lang)} simuleringar av antagandena nedan.`
      : `The figures rest on ${formatNumber(results.runsDone, lang)} simulations of the assumptions below.`,
  );
  return sentences;
}
