import { describe, expect, it } from 'vitest';
import { acceptabilityChart } from '../../src/charts/acceptability.js';
import { planeChart, planeNote, planeSentences } from '../../src/charts/cost-capacity.js';
import { savingSentences, thresholdCharts, thresholdText } from '../../src/charts/thresholds.js';
import { evppiChart, evppiSentences } from '../../src/charts/value-of-information.js';
import type { DecisionAnalysis, PlanePath, Threshold, ThresholdAnalysis } from '../../src/engine/index.js';

/** Spaces of every kind as plain ones. */
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

const curve = [0, 0.5, 1].map((value, i) => ({ value, medianNpv: (1 - 2 * i) * 1e7, probCheaper: i / 2 }));
const threshold = (over: Partial<Threshold>): Threshold => ({
  path: 'samverkan',
  input: 'realisationShared',
  value: 0.386,
  se: 0.009,
  crossings: 1,
  cheaperWhen: 'above',
  range: [0, 1],
  priorRange: [0, 0.3],
  source: 'Statskontoret 2023',
  priorShareCheaper: 0,
  check: 1.5e6,
  curve,
  ...over,
});
const analysis = (thresholds: Threshold[]): ThresholdAnalysis => ({
  runs: 200,
  statusQuoNpv: 5e9,
  thresholds,
  twoWay: [],
});

const plane = (over: Partial<PlanePath>): PlanePath => ({
  quadrants: { cheaperMore: 0, cheaperSame: 0, cheaperLess: 0.555, dearerMore: 0, dearerSame: 0, dearerLess: 0.445 },
  correlation: -0.93,
  capacityMedian: -100,
  capacityPerYear: -16.9,
  costPerFteYear: null,
  dominance: 'sells',
  points: { cost: [1e8, -2e8], capacity: [-10, 5] },
  requiredYearlySaving: 0,
  requiredSavingShare: 0,
  ...over,
});
const decision: DecisionAnalysis = {
  lambda: 0,
  wageCost: 850_000,
  plane: {
    samverkan: plane({ requiredYearlySaving: 33e6, requiredSavingShare: 0.057, costPerFteYear: 1_234_000 }),
    sammanlaggning: plane({}),
  },
  acceptability: {
    lambdas: [0, 850_000, 1_700_000],
    best: { 'status-quo': [0.42, 0.96, 0.97], samverkan: [0, 0, 0], sammanlaggning: [0.58, 0.04, 0.03] },
  },
  evpi: 26.2e6,
  evppi: [
    { input: 'realisationMerger', value: 24.5e6, se: 0.3e6 },
    { input: 'realisationShared', value: 60_000, se: null },
    { input: 'wageCost', value: 40_000, se: null },
  ],
  bestOption: 'sammanlaggning',
};

describe('the decision tab’s words', () => {
  it('states a threshold with its value, the share of the assumption on its side and the check', () => {
    const a = analysis([threshold({})]);
    const text = thresholdText(a.thresholds[0], a, 'sv');
    expect(plain(text.claim)).toBe(
      'Samverkan blir billigare än status quo i medianen om andel av beräknade skalfördelar som realiseras vid delning är minst 38,6 % (±0,9 procentenheter).',
    );
    expect(plain(text.share ?? '')).toBe('0 % av scenariots antagande ligger på den sidan.');
    expect(plain(text.check ?? '')).toBe(
      'Osäkerheten (±) är sökningens standardfel. Kontroll på 200 andra körningar med antagandet låst vid brytpunkten: medianen blir 1,5 mnkr (0,03 % av status quos kostnad).',
    );
  });

  it('says when a path does not become cheaper anywhere in the range, without a share or a check', () => {
    const a = analysis([
      threshold({ input: 'governanceOverhead', value: null, cheaperWhen: 'never', range: [0, 5.4], check: null }),
    ]);
    const text = thresholdText(a.thresholds[0], a, 'en');
    expect(plain(text.claim)).toContain('does not become cheaper than status quo in the median for any value of');
    expect(plain(text.claim)).toContain('between 0.00 and 5.40');
    expect(text.share).toBeNull();
    expect(text.check).toBeNull();
  });

  it('gives the yearly saving only for paths that lack one', () => {
    const sentences = savingSentences(decision, 'sv');
    expect(sentences.map((s) => s.path)).toEqual(['samverkan']);
    expect(plain(sentences[0].text)).toBe(
      'Samverkan behöver spara ytterligare 33 mnkr per år (5,7 % av status quos kostnad) för att gå jämnt ut i medianen.',
    );
  });

  it('puts the quadrants largest first, and the cost per FTE only where there is one', () => {
    const [samverkan, merger] = planeSentences(decision, 'sv');
    expect(plain(samverkan.text)).toContain(
      'I 56 % av körningarna blir samverkan billigare men ger mindre utvecklingskapacitet; i 45 % dyrare',
    );
    expect(plain(samverkan.text)).toContain('1 234 000 kr');
    expect(merger.text).not.toContain('kostar i genomsnitt');
    expect(plain(planeNote(decision, 'sv') ?? '')).toContain('korrelation −0,93 för samverkan');
  });

  it('says "the same capacity" where it is, and gives no same-money note without a correlation to show it', () => {
    const flat = {
      ...decision,
      plane: {
        samverkan: plane({
          quadrants: {
            cheaperMore: 0,
            cheaperSame: 0,
            cheaperLess: 0,
            dearerMore: 0,
            dearerSame: 0.96,
            dearerLess: 0.04,
          },
          correlation: -0.03,
          capacityPerYear: -0.0004,
        }),
      },
    };
    const [text] = planeSentences(flat, 'sv');
    expect(plain(text.text)).toContain(
      'I 96 % av körningarna blir samverkan dyrare och ger samma utvecklingskapacitet',
    );
    expect(plain(text.text)).not.toContain('−0,0');
    expect(planeNote(flat, 'sv')).toBeNull();
  });

  it('leaves inputs under 0.05 mnkr out of the value of information and says so', () => {
    const [top, bound] = evppiSentences(decision, 'sv').map(plain);
    expect(top).toBe(
      'Att ta reda på andel av beräknade skalfördelar som realiseras vid sammanläggning före beslutet är värt upp till 24,5 mnkr.',
    );
    expect(bound).toBe('Övre gräns, perfekt kunskap om allt: 26,2 mnkr. Övriga antaganden under 0,05 mnkr.');
    expect(evppiChart(decision, 'sv')?.table.rows.map((r) => r[1])).toEqual(['24,5', '0,1', '26,2']);
  });
});

describe('the decision tab’s charts', () => {
  const specs = [
    ...thresholdCharts(analysis([threshold({}), threshold({ path: 'asymmetrisk', value: 0.236 })]), 'sv'),
    planeChart(decision, 'sv'),
    acceptabilityChart(decision, 'en'),
    evppiChart(decision, 'sv')!,
  ];

  it('builds Plot options at a phone’s width and a laptop’s', () => {
    for (const spec of specs)
      for (const width of [296, 966]) {
        const options = spec.options(width);
        expect(options.width).toBe(width);
        expect(options.marks?.length).toBeGreaterThan(0);
      }
  });

  it('gives every chart a table with as many cells a row as it has columns', () => {
    for (const spec of specs) {
      expect(spec.table.rows.length).toBeGreaterThan(0);
      for (const row of spec.table.rows) expect(row).toHaveLength(spec.table.columns.length);
    }
  });

  it('has one threshold chart per input, with a row per re-run and per threshold', () => {
    expect(specs[0].id).toBe('threshold-realisationShared');
    // the assumption's range, three re-runs and one threshold per path
    expect(specs[0].table.rows).toHaveLength(1 + 2 * (3 + 1));
  });
});
