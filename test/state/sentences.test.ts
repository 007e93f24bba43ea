import { describe, expect, it } from 'vitest';
import { simulateAll } from '../../src/engine/index.js';
import { formatNumber, formatPercent } from '../../src/i18n.js';
import { likelihood, summarySentences } from '../../src/summary/sentences.js';
import { model, readJson, scenarioWith } from '../helpers.js';

const catalogue = readJson('public/data/capabilities.json');

describe('summary sentences', () => {
  const results = simulateAll(
    model(
      scenarioWith((s) => {
        s.runs = 400;
      }),
      catalogue,
    ),
  );

  it('gives three to six sentences in each language', () => {
    for (const lang of ['sv', 'en'] as const) {
      const text = summarySentences(results, lang);
      expect(text.length).toBeGreaterThanOrEqual(3);
      expect(text.length).toBeLessThanOrEqual(6);
    }
  });

  it('states the numbers the results hold', () => {
    const text = summarySentences(results, 'sv').join(' ');
    const last = results.years.length - 1;
    const sq = results.paths['status-quo'].years[last].totalCost;
    for (const x of [sq.p10, sq.p50, sq.p90]) expect(text).toContain(`${formatNumber(x / 1e6, 'sv', 0)} mnkr`);
    // the cheapest path by median NPV and its probability
    const paths = (['samverkan', 'omfordelning', 'sammanlaggning', 'asymmetrisk'] as const).filter(
      (p) => results.paths[p].enabled,
    );
    const best = [...paths].sort(
      (a, b) => results.paths[a].npvVsStatusQuo.p50 - results.paths[b].npvVsStatusQuo.p50,
    )[0];
    const n = results.paths[best].npvVsStatusQuo;
    expect(text).toContain(`${formatNumber(Math.abs(n.p50) / 1e6, 'sv', 0)} mnkr`);
    expect(text).toContain(`${Math.round((results.paths[best].probCheaper ?? 0) * 10)} fall av 10`);
    expect(text).toContain(formatPercent(results.paths['status-quo'].years[last].robustCoverage.mean, 'sv'));
  });

  it('words probabilities honestly', () => {
    expect(likelihood(0.95, 'sv')).toBe('mycket sannolikt');
    expect(likelihood(0.75, 'sv')).toBe('sannolikt');
    expect(likelihood(0.5, 'sv')).toBe('lika gärna som inte');
    expect(likelihood(0.2, 'sv')).toBe('osannolikt');
    expect(likelihood(0.05, 'en')).toBe('very unlikely');
  });

  it('never calls a path cheaper when its median is not', () => {
    const noSaving = simulateAll(
      model(
        scenarioWith((s) => {
          s.runs = 200;
          s.members = ['1488'];
          s.paths.omfordelning.enabled = false;
        }),
        catalogue,
      ),
    );
    const text = summarySentences(noSaving, 'sv').join(' ');
    expect(text).toContain('Inget av vägvalen blir sannolikt billigare');
  });
});
