/** The SML-IT figure block: its paths, and each member's result, need and budget. */
import { num, signedMsek, table } from './format.js';
import { caption, centralRun, pathTable, type Run, reproduce } from './scenario-run.js';

function memberTable(run: Run): string {
  const { model, results } = run;
  const central = centralRun(model).paths['status-quo'];
  const startYear = results.years[0];
  const order = model.members.map((m, i) => ({ m, i })).sort((a, b) => a.m.name.localeCompare(b.m.name, 'sv'));
  const perInhabitant = (sek: number, population: number) => num(sek / population, 0);
  const rows = order.map(({ m, i }) => {
    const need = central.municipalities[i].years[0].totalCost;
    const budget = central.municipalities[i].years[0].budget;
    return [
      m.name,
      num(m.population),
      signedMsek(results.paths.asymmetrisk.municipalities[i].npvVsStatusQuo.p50, 1),
      signedMsek(results.paths.samverkan.municipalities[i].npvVsStatusQuo.p50, 1),
      num(need / 1e6, 1),
      perInhabitant(need, m.population),
      num(budget / 1e6, 1),
      perInhabitant(budget, m.population),
    ];
  });
  const population = model.members.reduce((sum, m) => sum + m.population, 0);
  const need = central.years[0].totalCost.mean;
  const budget = central.years[0].budget.mean;
  rows.push([
    'all three',
    num(population),
    signedMsek(results.paths.asymmetrisk.npvVsStatusQuo.p50, 1),
    signedMsek(results.paths.samverkan.npvVsStatusQuo.p50, 1),
    num(need / 1e6, 1),
    perInhabitant(need, population),
    num(budget / 1e6, 1),
    perInhabitant(budget, population),
  ]);
  return table(
    [
      'member',
      'inhabitants',
      'asymmetrisk NPV P50 (MSEK)',
      'samverkan NPV P50 (MSEK)',
      `status-quo need ${startYear} (MSEK)`,
      'need (kr/inh)',
      `budget ${startYear} (MSEK)`,
      'budget (kr/inh)',
    ],
    rows,
  );
}

export function smlItBlock(file: string, run: Run): string {
  return [
    caption(run),
    '',
    pathTable(run),
    '',
    `Per member: median NPV against the member's own status quo over the same runs (the median of the total is not the sum of the members' medians), and status quo's need and budget in ${run.results.years[0]} in one run with every input at its central value.`,
    '',
    memberTable(run),
    '',
    reproduce(file),
  ].join('\n');
}
