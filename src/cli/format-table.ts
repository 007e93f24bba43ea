import { assumptionDef, PATH_IDS, type PathId, type Results } from '../engine/index.js';

const LABEL: Record<PathId, string> = {
  'status-quo': 'Status quo',
  samverkan: 'Samverkan',
  omfordelning: 'Omfördelning',
  sammanlaggning: 'Sammanläggning',
  asymmetrisk: 'Asymmetrisk',
};

const mnkr = (x: number) => (x / 1e6).toFixed(0);
const pad = (s: string, n: number) => s.padStart(n);

/**
 * A plain-text table of the headline results per path: horizon cost and NPV difference against status
 * quo (P10/P50/P90, mnkr), probability cheaper, median break-even year and last-year development capacity.
 */
export function formatTable(results: Results): string {
  const last = results.years.length - 1;
  const lines = [
    `${results.scenario.name.sv} — ${results.runsDone} körningar, frö ${results.scenario.seed}, ${results.years[0]}–${results.years[last]} (mnkr, ${results.years[0]} års priser)`,
    '',
    `${'Vägval'.padEnd(16)}${pad('Kostnad 10 år P10/P50/P90', 27)}${pad('NPV mot status quo P10/P50/P90', 33)}${pad('P(billigare)', 14)}${pad('Break-even', 12)}${pad(`Utv.kap. ${results.years[last]} (åa)`, 20)}`,
  ];
  for (const id of PATH_IDS) {
    const p = results.paths[id];
    if (!p.enabled) continue;
    const h = p.horizonCost;
    const n = p.npvVsStatusQuo;
    const dev = p.years[last].developmentCapacity;
    const be = p.breakEven;
    lines.push(
      `${LABEL[id].padEnd(16)}${pad(`${mnkr(h.p10)} / ${mnkr(h.p50)} / ${mnkr(h.p90)}`, 27)}${pad(
        id === 'status-quo' ? '–' : `${mnkr(n.p10)} / ${mnkr(n.p50)} / ${mnkr(n.p90)}`,
        33,
      )}${pad(p.probCheaper === null ? '–' : `${Math.round(p.probCheaper * 100)} %`, 14)}${pad(
        be === null ? '–' : (be.median?.toString() ?? `efter ${results.years[last]}`),
        12,
      )}${pad(`${dev.p50.toFixed(1)} (${dev.p10.toFixed(1)}–${dev.p90.toFixed(1)})`, 20)}`,
    );
  }
  lines.push('', 'Vad nettoeffekten mot status quo hänger på (rangkorrelation, de fem starkaste):');
  for (const id of PATH_IDS) {
    const p = results.paths[id];
    if (!p.enabled || id === 'status-quo') continue;
    const top = p.sensitivity.npvVsStatusQuo
      .slice(0, 5)
      .map(
        (d) =>
          `${assumptionDef(d.input).label.sv} ${d.rankCorrelation >= 0 ? '+' : '−'}${Math.abs(d.rankCorrelation).toFixed(2)}`,
      );
    lines.push(`  ${LABEL[id]}: ${top.join('; ') || '–'}`);
  }
  return `${lines.join('\n')}\n`;
}
