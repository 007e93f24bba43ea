import { assumptionDef, PATH_IDS, type PathId, type Results, twoWayThresholdAt } from '../engine/index.js';
import { formatAssumptionValue, formatPercent } from '../i18n.js';

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
  return `${[...lines, ...decisionLines(results)].join('\n')}\n`;
}

/** The decision analysis (thresholds, cost against capacity, value of information), when present. */
function decisionLines(results: Results): string[] {
  const lines: string[] = [];
  const { thresholds, decision } = results;
  const value = (input: Parameters<typeof assumptionDef>[0], x: number) =>
    formatAssumptionValue(assumptionDef(input), x, 'sv');
  if (thresholds) {
    lines.push(
      '',
      `Vad måste vara sant? Brytpunkt där medianen av nettoeffekten blir 0 (${thresholds.runs} körningar per punkt, övriga antaganden som i körningen):`,
    );
    for (const t of thresholds.thresholds) {
      const name = assumptionDef(t.input).label.sv;
      const prior = `antagande ${value(t.input, t.priorRange[0])}–${value(t.input, t.priorRange[1])}`;
      const where =
        t.value === null
          ? t.cheaperWhen === 'always'
            ? `billigare för alla värden ${value(t.input, t.range[0])}–${value(t.input, t.range[1])}`
            : `inte billigare för något värde ${value(t.input, t.range[0])}–${value(t.input, t.range[1])}`
          : `billigare om ${name} ${t.cheaperWhen === 'above' ? '≥' : '≤'} ${value(t.input, t.value)}`;
      const check = t.check === null ? '' : `; kontroll ${mnkr(t.check)} mnkr`;
      lines.push(
        `  ${LABEL[t.path]}: ${t.value === null ? `${name}: ` : ''}${where} (${prior}; ${formatPercent(t.priorShareCheaper, 'sv')} av antagandet på den sidan${check})`,
      );
    }
  }
  for (const tw of thresholds?.twoWay ?? []) {
    if (tw === thresholds?.twoWay[0])
      lines.push(
        '',
        `Två antaganden samtidigt (${tw.runs} körningar per punkt, båda låsta): brytpunkt för det första när det andra ligger på scenariots lägsta och högsta värde`,
      );
    const [a, b] = tw.inputs;
    const at = (y: number) => {
      const x = twoWayThresholdAt(tw, y);
      return `${assumptionDef(b).label.sv} ${value(b, y)} → ${x === null ? 'ingen brytpunkt' : `${assumptionDef(a).label.sv} ${value(a, x)}`}`;
    };
    lines.push(`  ${LABEL[tw.path]}: ${at(tw.priorRanges[1][0])}; ${at(tw.priorRanges[1][1])}`);
  }
  if (decision) {
    lines.push('', 'Kostnad mot utvecklingskapacitet (andel körningar; nuvärde över perioden):');
    for (const id of PATH_IDS) {
      const p = decision.plane[id];
      if (!p) continue;
      const q = p.quadrants;
      const pct = (x: number) => formatPercent(x, 'sv');
      lines.push(
        `  ${LABEL[id]}: billigare & mer kapacitet ${pct(q.cheaperMore)}, billigare & mindre ${pct(q.cheaperLess)}, dyrare & mer ${pct(q.dearerMore)}, dyrare & mindre ${pct(q.dearerLess)}; kapacitet ${p.capacityPerYear.toFixed(1)} åa/år; korrelation ${p.correlation?.toFixed(2) ?? '–'}; behövd besparing ${mnkr(p.requiredYearlySaving)} mnkr/år (${formatPercent(p.requiredSavingShare, 'sv', 1)})`,
      );
    }
    const { lambdas, best } = decision.acceptability;
    const at = [0, Math.floor(lambdas.length / 2), lambdas.length - 1];
    lines.push(
      '',
      'Sannolikhet att vara bästa valet, efter vad en utvecklingsårsarbetare är värd utöver sin lön (0 kr: bara kostnaden):',
    );
    for (const i of at)
      lines.push(
        `  ${Math.round(lambdas[i]).toLocaleString('sv-SE')} kr utöver lönen: ${PATH_IDS.filter((p) => best[p])
          .map((p) => `${LABEL[p]} ${formatPercent(best[p]?.[i] ?? 0, 'sv')}`)
          .join(', ')}`,
      );
    lines.push('', `Värdet av perfekt information före beslutet (EVPPI, kostnad; EVPI ${mnkr(decision.evpi)} mnkr):`);
    for (const e of decision.evppi.slice(0, 5))
      lines.push(
        `  ${assumptionDef(e.input).label.sv}: ${(e.value / 1e6).toFixed(1)} mnkr${e.se === null ? '' : ` ± ${(e.se / 1e6).toFixed(1)}`}`,
      );
  }
  return lines;
}
