import { expect } from '@open-wc/testing';
import type { AxeResults, RunOptions } from 'axe-core';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { loadScenario } from '../../src/state/actions.js';
import { SavedScenarios } from '../../src/state/saved-scenarios.js';
import { until } from './helpers.js';

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
    document.documentElement.lang = 'sv';
    app = document.createElement('dm-app');
    app.dataBase = '/public/data/';
    app.savedScenarios = new SavedScenarios(`a11y-${Date.now()}`);
    app.store.update(loadScenario({ ...structuredClone(SCENARIOS[0]), runs: 300 }));
    document.body.append(app);
    await until(() => app.store.state.run.status === 'done' && app.store.state.run.swings !== null);
  });
  after(() => app.remove());

  for (const tab of ['kostnad', 'kapacitet', 'formagor', 'kommuner', 'osakerhet', 'jamforelse', 'data'] as const) {
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
});
