import { expect } from '@open-wc/testing';
import type { AxeResults, RunOptions } from 'axe-core';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { TABS } from '../../src/state/app-state.js';
import { mountDefault, shadow, until } from './helpers.js';

type Axe = { run: (context: Document, options: RunOptions) => Promise<AxeResults> };

/** axe-core ships a UMD bundle: load it as a classic script, which defines window.axe. */
async function loadAxe(): Promise<Axe> {
  const w = window as unknown as { axe?: Axe };
  if (!w.axe) {
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }
  return w.axe!;
}

/** Run axe's WCAG 2.1 A/AA rules over the whole document (axe walks open shadow roots). */
async function violations(): Promise<string[]> {
  const axe = await loadAxe();
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let app: DmApp;
  before(async () => {
    app = mountDefault('a11y', 300);
    await until(() => app.store.state.run.status === 'done' && app.store.state.run.swings !== null);
  });
  after(() => app.remove());

  for (const tab of TABS) {
    it(`has no violations in the workspace, tab ${tab}`, async () => {
      app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab } }));
      await new Promise((r) => setTimeout(r, 400));
      expect(await violations()).to.deep.equal([]);
    });
  }

  it('has no violations in the summary', async () => {
    app.dispatchEvent(new CustomEvent('dm-view-change', { detail: { view: 'summary' } }));
    await new Promise((r) => setTimeout(r, 600));
    expect(await violations()).to.deep.equal([]);
  });

  it('has no violations in English either', async () => {
    app.dispatchEvent(new CustomEvent('dm-lang-change', { detail: { lang: 'en' } }));
    await new Promise((r) => setTimeout(r, 400));
    expect(document.documentElement.lang).to.equal('en');
    expect(await violations()).to.deep.equal([]);
  });

  it('has no violations on a filled capability map (grid, heatmap, example banner)', async () => {
    app.dispatchEvent(new CustomEvent('dm-view-change', { detail: { view: 'workspace' } }));
    app.dispatchEvent(new CustomEvent('dm-scenario-select', { detail: { id: 'fyrbodal-formagekarta' } }));
    app.dispatchEvent(new CustomEvent('dm-run-settings-change', { detail: { runs: 300 } }));
    app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'formagekarta' } }));
    await until(() => app.store.state.run.status === 'done' && !!app.store.state.scenario.capabilityMap);
    await new Promise((r) => setTimeout(r, 400));
    expect(await violations()).to.deep.equal([]);
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA) with saved scenarios and an import', () => {
  let app: DmApp;
  before(async () => {
    history.replaceState(null, '', location.pathname + location.search); // not the summary link left above
    app = mountDefault('a11y-saved', 300);
    await until(() => app.store.state.run.status === 'done' && app.store.state.saved.status === 'ready');
  });
  after(() => app.remove());

  const results = () => shadow(shadow(app)!.querySelector('dm-results'))!;
  const dataView = () => shadow(results().querySelector('dm-data-view'))!;

  it('has no violations in the comparison of three saved scenarios', async () => {
    const save = async (name: string, codes: string[] | null) => {
      if (codes) {
        const before = app.store.state.run.id;
        app.dispatchEvent(new CustomEvent('dm-members-change', { detail: { codes } }));
        await until(() => app.store.state.run.id > before && app.store.state.run.status === 'done');
      }
      const count = app.store.state.saved.items.length;
      app.dispatchEvent(new CustomEvent('dm-save', { detail: { name } }));
      await until(() => app.store.state.saved.items.length === count + 1);
    };
    await save('Hela Fyrbodal', null);
    await save('Dalsland', ['1460', '1438', '1439', '1461', '1492']);
    await save('Trestad', ['1488', '1485', '1487']);
    for (const item of app.store.state.saved.items)
      app.dispatchEvent(new CustomEvent('dm-compare-toggle', { detail: { id: item.id } }));
    app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'jamforelse' } }));
    await until(() => results().querySelectorAll('dm-chart').length === 2);
    for (const chart of results().querySelectorAll('dm-chart'))
      await until(() => !!shadow(chart)?.querySelector('svg'));
    // three scenarios on the charts: a dot per scenario and path
    const npv = shadow(results().querySelector('dm-chart'))!;
    expect(npv.querySelectorAll('svg g[data-mark="dot"] circle, svg g[data-mark="dot"] path').length).to.equal(3 * 4);
    expect(await violations()).to.deep.equal([]);
  });

  it('has no violations with an import preview showing, nor with its problem list', async () => {
    app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'data' } }));
    const csv = 'kommunkod;IT-kostnad;system\r\n1488;80 500 000;400\r\n1485;;350\r\n';
    app.dispatchEvent(new CustomEvent('dm-data-import', { detail: { file: new File([csv], 'egna.csv') } }));
    await until(() => !!dataView()?.querySelector('[data-import-preview] tbody tr'));
    expect(await violations()).to.deep.equal([]);
    app.dispatchEvent(new CustomEvent('dm-data-import-cancel', { detail: {} }));
    const bad = 'kommunkod;invånare;färg\n1488;abc;blå\n9999;100;röd\n';
    app.dispatchEvent(new CustomEvent('dm-data-import', { detail: { file: new File([bad], 'trasig.csv') } }));
    await until(() => !!dataView()?.querySelector('[data-import-problems]'));
    expect(await violations()).to.deep.equal([]);
    app.dispatchEvent(new CustomEvent('dm-data-import-cancel', { detail: {} }));
  });
});
