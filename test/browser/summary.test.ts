import { expect } from '@open-wc/testing';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import type { DmChart } from '../../src/components/dm-chart.js';
import { parseCsv } from '../../src/export/csv.js';
import { formatNumber } from '../../src/i18n.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { encodeScenario } from '../../src/state/scenario-link.js';
import { shadow, until } from './helpers.js';

async function openSummary(runs = 600): Promise<DmApp> {
  history.replaceState(null, '', `#sammanfattning&s=${encodeScenario({ ...SCENARIOS[0], runs }, SCENARIOS, 'sv')}`);
  const app = document.createElement('dm-app');
  app.dataBase = '/public/data/';
  document.body.append(app);
  await until(() => app.store.state.run.status === 'done' && app.store.state.run.results?.runsDone === runs);
  await app.updateComplete;
  return app;
}

describe('the summary for politicians', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('dm-app')) el.remove();
    history.replaceState(null, '', location.pathname);
  });

  it('opens from a link with plain sentences whose numbers match the charts’ data', async () => {
    const app = await openSummary();
    expect(app.store.state.view).to.equal('summary');
    const summary = shadow(shadow(app)!.querySelector('dm-summary'))!;
    await until(() => summary.querySelectorAll('[data-sentences] li').length >= 3);
    const text = summary.querySelector('[data-sentences]')!.textContent!;
    const results = app.store.state.run.results!;
    const sq = results.paths['status-quo'].years[9].totalCost;
    expect(text).to.contain(`${formatNumber(sq.p50 / 1e6, 'sv', 0)} mnkr`);
    const charts = [...summary.querySelectorAll('dm-chart')] as DmChart[];
    expect(charts.length).to.equal(4);
    // the cost chart's table shows the same status quo median
    const costTable = charts[0].spec!.table.rows.find(
      (r) => r[0].startsWith('Status quo') && r[1] === String(results.years[9]),
    );
    expect(costTable?.[3]).to.equal(formatNumber(sq.p50 / 1e6, 'sv', 1));
    expect(summary.querySelector('[data-summary-link]')!.textContent).to.contain('#sammanfattning&s=');
    // today against the full engine, saying which figures are derived (docs/model.md §14)
    const today = summary.querySelector('[data-today]')!.textContent!;
    const budget = results.paths['status-quo'].years[0].budget.mean;
    expect(today).to.contain(`${formatNumber(budget / 1e6, 'sv', 0)} mnkr per år`);
    expect(today).to.contain('härledd per invånare för alla');
    expect(today).to.contain('ingen förmågekarta');
  });

  it('exports CSV for Swedish Excel, the CLI’s JSON, every run, and each chart as SVG', async () => {
    const app = await openSummary(400);
    const summary = shadow(shadow(app)!.querySelector('dm-summary'))!;
    (summary.querySelector('[data-export="results-csv"]') as HTMLButtonElement).click();
    await until(() => app.lastDownload?.name.endsWith('resultat.csv') ?? false);
    const csv = app.lastDownload!.text;
    expect(csv.startsWith('\uFEFF')).to.equal(true);
    const rows = parseCsv(csv);
    expect(rows[0]).to.include('totalCost_p50');
    expect(rows.length).to.equal(1 + 5 * 10);
    const col = rows[0].indexOf('totalCost_p50');
    const sq2026 = Number(rows[1][col].replace(',', '.'));
    expect(Math.abs(sq2026 - app.store.state.run.results!.paths['status-quo'].years[0].totalCost.p50)).to.be.lessThan(
      1,
    );

    (summary.querySelector('[data-export="results-json"]') as HTMLButtonElement).click();
    await until(() => app.lastDownload?.name.endsWith('.json') ?? false);
    const json = JSON.parse(app.lastDownload!.text);
    expect(json.format).to.equal('digitala-motorn/results');
    expect(Object.keys(json.paths)).to.deep.equal([
      'status-quo',
      'samverkan',
      'omfordelning',
      'sammanlaggning',
      'asymmetrisk',
    ]);
    expect(json.paths.samverkan.npvVsStatusQuo).to.have.keys([
      'mean',
      'sd',
      'se',
      'p5',
      'p10',
      'p25',
      'p50',
      'p75',
      'p90',
      'p95',
    ]);

    (summary.querySelector('[data-export="runs-csv"]') as HTMLButtonElement).click();
    await until(() => app.lastDownload?.name.endsWith('korningar.csv') ?? false);
    const runs = parseCsv(app.lastDownload!.text);
    expect(runs.length).to.equal(1 + 400);
    expect(runs[0]).to.include('samverkan_npvVsStatusQuo');

    const chart = summary.querySelector('dm-chart') as DmChart;
    await until(() => !!chart.svgText());
    const svg = new DOMParser().parseFromString(chart.svgText()!, 'image/svg+xml');
    expect(svg.documentElement.nodeName).to.equal('svg');
    expect(svg.querySelector('parsererror')).to.equal(null);
  });

  it('presents the charts full screen, stepping with the arrow keys', async () => {
    const app = await openSummary(300);
    app.dispatchEvent(new CustomEvent('dm-view-change', { detail: { view: 'presenter' } }));
    await until(() => !!shadow(app)!.querySelector('dm-presenter'));
    const presenter = shadow(app)!.querySelector('dm-presenter')!;
    await until(() => !!shadow(presenter)?.querySelector('dm-chart'));
    expect(shadow(presenter)!.querySelector('[aria-live]')!.textContent).to.equal('1 / 4');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    await presenter.updateComplete;
    expect(shadow(presenter)!.querySelector('[aria-live]')!.textContent).to.equal('2 / 4');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await until(() => app.store.state.view === 'summary');
  });
});
