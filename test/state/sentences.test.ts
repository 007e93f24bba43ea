import { describe, expect, it } from 'vitest';
import {
  Accumulator,
  analyseDecision,
  assumptionDef,
  decisiveInputs,
  findThresholds,
  PATH_IDS,
  type PathId,
  type Results,
  type Scenario,
  Simulator,
  type Stats,
} from '../../src/engine/index.js';
import { formatAssumptionValue, formatNumber, formatPercent, type Lang } from '../../src/i18n.js';
import {
  DOMINANT_SHARE,
  likelihood,
  RESTATES_EXPLAINED,
  RESTATES_WITHIN,
  restatesAssumption,
  shortSource,
  summarySentences,
  summaryThreshold,
} from '../../src/summary/sentences.js';
import { fixed, model, pert, readJson, scenarioWith } from '../helpers.js';

const catalogue = readJson('public/data/capabilities.json');

/** A run with its decision analysis and thresholds, as the app and the CLI produce it. */
function analysed(scenario: Scenario, runs = 400): Results {
  const m = model(scenario, catalogue);
  const acc = new Accumulator(m, runs);
  acc.add(new Simulator(m).simulateChunk(0, runs));
  const results = acc.summarize();
  results.decision = analyseDecision(acc);
  results.thresholds = findThresholds(m, decisiveInputs(results), 60);
  return results;
}

/** Scenarios built to reach each wording rule: the default; realisation known, other inputs wide. */
const CASES: [string, Results][] = [
  ['default', analysed(scenarioWith((s) => void s))],
  [
    // several inputs matter about equally: for asymmetrisk none of realisation, governance, transition,
    // ordering and the scale shift explains a quarter of the spread alone (ρ² ≈ 0.17–0.28 across 400–1 000
    // runs, plain or rqmc), so the probability is more than any one assumption
    'several inputs',
    analysed(
      scenarioWith((s) => {
        s.members = ['1488', '1485', '1487', '1460', '1438'];
        s.assumptions = {
          realisationShared: pert(0.34, 0.4, 0.46),
          realisationMerger: fixed(0.1),
          governanceOverhead: pert(0.7, 1.3, 1.9),
          transitionShareShared: pert(0.17, 0.25, 0.33),
          coordinationFte: pert(0.3, 0.8, 1.3),
          scaleShift: fixed(0),
          nonStaffScaleShift: fixed(0),
        };
      }),
    ),
  ],
];

/** Every number a sentence may state, formatted as the sentences format it, from the results alone. */
function statable(results: Results, lang: Lang): Set<string> {
  const out = new Set<string>();
  const mn = (x: number) => formatNumber(Math.abs(x) / 1e6, lang, 0);
  const stats = (s: Stats) => {
    for (const x of [s.p10, s.p50, s.p90]) out.add(mn(x));
  };
  const last = results.years.length - 1;
  const sq = results.paths['status-quo'];
  stats(sq.years[last].totalCost);
  out.add(mn(sq.years[0].totalCost.p50));
  for (const year of results.years) out.add(String(year));
  out.add(String(results.scenario.members.length));
  out.add(String(results.years.length));
  out.add(formatNumber(results.runsDone, lang));
  out.add('8').add('10');
  for (const p of PATH_IDS) {
    const r = results.paths[p];
    if (!r.enabled) continue;
    out.add(mn(r.npvVsStatusQuo.p50));
    out.add(formatPercent(r.probCheaper ?? 0, lang));
    out.add(String(Math.round((r.probCheaper ?? 0) * 10)));
    const top = r.sensitivity.npvVsStatusQuo[0];
    if (top) out.add(formatPercent(top.rankCorrelation ** 2, lang));
    out.add(formatNumber(r.years[last].developmentCapacity.p50, lang, 0));
    out.add(formatPercent(r.years[last].robustCoverage.mean, lang));
  }
  for (const t of results.thresholds?.thresholds ?? []) {
    const def = assumptionDef(t.input);
    for (const x of [t.value, ...t.range, ...t.priorRange])
      if (x !== null) out.add(formatAssumptionValue(def, x, lang));
    out.add(formatPercent(t.priorShareCheaper, lang));
    if (t.se !== null)
      out.add(
        def.unit.en.startsWith('share') ? formatNumber(t.se * 100, lang, 1) : formatAssumptionValue(def, t.se, lang),
      );
    for (const n of shortSource(t.source).match(/\d+/g) ?? []) out.add(n);
  }
  if (results.decision) {
    out.add(mn(results.decision.evpi));
    for (const e of results.decision.evppi) out.add(mn(e.value));
  }
  return out;
}

/** The numbers in a text, as written ("1 000", "6,7 %", "0,0 %", "2035", "24 mnkr" → "24"). */
function numbersIn(text: string, lang: Lang): string[] {
  const pattern =
    lang === 'sv'
      ? /\d{1,3}(?:\u00a0\d{3})+(?:,\d+)?(?: %)?|\d+(?:,\d+)?(?: %)?/g
      : /\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?/g;
  return text.match(pattern) ?? [];
}

describe('summary sentences', () => {
  it('every number in every sentence traces back to the results (both languages, every case)', () => {
    for (const [name, results] of CASES)
      for (const lang of ['sv', 'en'] as const) {
        const allowed = statable(results, lang);
        for (const sentence of summarySentences(results, lang))
          for (const n of numbersIn(sentence, lang))
            expect(
              allowed.has(n) || allowed.has(n.replace(/ ?%$/, '')),
              `${name}/${lang}: "${n}" in: ${sentence}`,
            ).toBe(true);
      }
  });

  it('each sentence carries its own figures: status quo’s interval in order, each path’s own median and share', () => {
    for (const [name, results] of CASES) {
      const text = summarySentences(results, 'sv');
      const last = results.years.length - 1;
      const sq = results.paths['status-quo'].years[last].totalCost;
      const mn = (x: number) => `${formatNumber(Math.abs(x) / 1e6, 'sv', 0)} mnkr`;
      expect(text[0], name).toContain(`mellan ${mn(sq.p10)} och ${mn(sq.p90)}`);
      for (const p of PATH_IDS) {
        const r = results.paths[p];
        if (p === 'status-quo' || !r.enabled) continue;
        const sentence = text.find((x) => x.startsWith(`${pathLabel(p)}:`)) ?? '';
        const m = r.npvVsStatusQuo.p50;
        expect(sentence, `${name}: ${p}`).toContain(
          `i median ${mn(m)} ${m < 0 ? 'billigare' : 'dyrare'} än status quo på ${results.years.length} år`,
        );
        const share = formatPercent(r.probCheaper ?? 0, 'sv');
        const inTen = `i ${Math.round((r.probCheaper ?? 0) * 10)} fall av 10`;
        expect(sentence.includes(`(${share})`) || sentence.includes(inTen), `${name}: ${p}: ${sentence}`).toBe(true);
      }
    }
  });

  it('leads with the conditions: each path states its threshold and the scenario’s assumption with its source', () => {
    for (const [name, results] of CASES) {
      const text = summarySentences(results, 'sv');
      for (const p of PATH_IDS) {
        const top = results.paths[p].sensitivity.npvVsStatusQuo[0];
        const t =
          results.thresholds?.thresholds.find((x) => x.path === p && x.input === top?.input) ??
          results.thresholds?.thresholds.find((x) => x.path === p);
        if (!t) continue;
        const sentence = text.find((s) => s.startsWith(`${pathLabel(p)}:`));
        expect(sentence, `${name}: ${p}`).toBeDefined();
        expect(sentence).toContain(shortSource(t.source));
        const f = (x: number) => formatAssumptionValue(assumptionDef(t.input), x, 'sv');
        expect(sentence).toContain(t.value === null ? f(t.range[1]) : f(t.value));
        expect(sentence).toContain(f(t.priorRange[1]));
      }
    }
  });

  it('uses a probability word only where no single assumption explains the result, and says which otherwise', () => {
    const seen = { restates: 0, probability: 0 };
    const words = ['mycket sannolikt', 'sannolikt', 'lika gärna som inte', 'osannolikt', 'mycket osannolikt'];
    for (const [name, results] of CASES) {
      const text = summarySentences(results, 'sv');
      for (const p of PATH_IDS) {
        const r = results.paths[p];
        if (p === 'status-quo' || !r.enabled) continue;
        const sentence = text.find((s) => s.startsWith(`${pathLabel(p)}:`)) ?? '';
        const top = r.sensitivity.npvVsStatusQuo[0];
        const threshold = summaryThreshold(results, p);
        // the documented rule (docs/model.md §13), written out here
        const explained = threshold
          ? (r.sensitivity.npvVsStatusQuo.find((d) => d.input === threshold.input)?.rankCorrelation ?? 0) ** 2
          : 0;
        const restates =
          threshold !== undefined &&
          threshold.value !== null &&
          explained >= RESTATES_EXPLAINED &&
          Math.abs((r.probCheaper ?? 0) - threshold.priorShareCheaper) <= RESTATES_WITHIN;
        expect(restates).toBe(threshold ? restatesAssumption(r.probCheaper ?? 0, threshold, explained) : false);
        const dominant = top !== undefined && top.rankCorrelation ** 2 >= DOMINANT_SHARE;
        const hasWord = words.some((w) => sentence.includes(` ${w} billigare`));
        const named = top
          ? sentence.includes(`hänger främst på ${assumptionDef(top.input).label.sv.toLowerCase()}`)
          : false;
        if (restates || dominant) {
          expect(hasWord, `${name}: ${p} restates an assumption: ${sentence}`).toBe(false);
          expect(sentence).toMatch(/återger/);
          if (!restates) expect(named, `${name}: ${p} should name its dominant input: ${sentence}`).toBe(true);
          seen.restates++;
        } else {
          expect(hasWord, `${name}: ${p}: ${sentence}`).toBe(true);
          expect(sentence).toContain(likelihood(r.probCheaper ?? 0, 'sv'));
          seen.probability++;
        }
        // a threshold that never crosses is stated but never taken as what the probability restates
        if (threshold?.value === null) expect(restates).toBe(false);
      }
    }
    // the cases above reach every rule; a change that stops reaching one must change the cases
    expect(seen.restates).toBeGreaterThan(0);
    expect(seen.probability).toBeGreaterThan(0);
  });

  it('the default scenario calls no path "mycket sannolikt billigare" and names what is worth finding out', () => {
    const [, results] = CASES[0];
    const text = summarySentences(results, 'sv').join(' ');
    expect(text).not.toContain('mycket sannolikt billigare');
    const top = results.decision?.evppi[0];
    if (top && top.value >= 50_000) expect(text).toContain(`${formatNumber(top.value / 1e6, 'sv', 0)} mnkr`);
  });

  it('words probabilities by fixed cut-offs', () => {
    expect(likelihood(0.95, 'sv')).toBe('mycket sannolikt');
    expect(likelihood(0.75, 'sv')).toBe('sannolikt');
    expect(likelihood(0.5, 'sv')).toBe('lika gärna som inte');
    expect(likelihood(0.2, 'sv')).toBe('osannolikt');
    expect(likelihood(0.05, 'en')).toBe('very unlikely');
  });
});

function pathLabel(p: PathId): string {
  return {
    'status-quo': 'Status quo (nuläge)',
    samverkan: 'Samverkan',
    omfordelning: 'Omfördelning av ansvar',
    sammanlaggning: 'Sammanläggning',
    asymmetrisk: 'Asymmetrisk ansvarsfördelning',
  }[p];
}
