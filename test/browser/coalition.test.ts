import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { loadScenario } from '../../src/state/actions.js';
import { SavedScenarios } from '../../src/state/saved-scenarios.js';
import { shadow, until } from './helpers.js';

/** The "Vem med vem?" tab's container. */
const tab = (app: DmApp) => shadow(shadow(shadow(app)!.querySelector('dm-results'))!.querySelector('dm-coalition'))!;
/** The element that has the keyboard, looked for through the shadow roots. */
function active(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
const finder = (app: DmApp) => app.store.state.coalition.finder;

type Axe = { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
/** axe-core's WCAG 2.1 A/AA findings over the document (its UMD bundle loaded as a classic script). */
async function violations(): Promise<string[]> {
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
  const result = await w.axe!.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

/** The app on Dalsland (5 kommuner, 200 runs), on the finder's tab. */
async function mountDalsland(): Promise<DmApp> {
  document.documentElement.lang = 'sv';
  const app = document.createElement('dm-app');
  app.dataBase = '/public/data/';
  app.savedScenarios = new SavedScenarios(`coalition-${Date.now()}`);
  const dalsland = SCENARIOS.find((s) => s.id === 'dalsland')!;
  app.store.update(loadScenario({ ...structuredClone(dalsland), runs: 200 }));
  document.body.append(app);
  await until(() => app.store.state.run.status === 'done');
  app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'vemmedvem' } }));
  await until(() => !!tab(app)?.querySelector('[data-find]'));
  return app;
}

describe('who with whom without the borders file', () => {
  const realFetch = window.fetch;
  let app: DmApp;
  before(() => {
    window.fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).endsWith('kommun-geo.json')
        ? Promise.resolve(new Response('not found', { status: 404 }))
        : realFetch(input, init);
  });
  after(() => {
    window.fetch = realFetch;
    app?.remove();
  });

  it('works, with "neighbours only" disabled and the reason given', async () => {
    app = await mountDalsland();
    const root = tab(app);
    expect(app.store.state.data.status === 'ready' && app.store.state.data.geo).to.equal(null);
    expect((root.querySelector('[data-rule="adjacent"]') as HTMLInputElement).disabled).to.equal(true);
    expect(root.querySelector('[data-no-geo]')?.textContent).to.contain('kunde inte läsas');
  });
});

describe('who with whom (the coalition finder tab)', () => {
  let app: DmApp;
  beforeEach(async () => {
    history.replaceState(null, '', location.pathname);
    app = await mountDalsland();
  });
  afterEach(() => {
    app.remove();
    history.replaceState(null, '', location.pathname);
  });

  it('by keyboard: Find, Cancel (no result), Find again → ranked groupings on maps → keys → open as scenario', async () => {
    const root = tab(app);
    expect(app.store.state.data.status === 'ready' && !!app.store.state.data.geo).to.equal(true);
    expect(root.querySelectorAll('select[data-role]').length).to.equal(5);
    // Tab from the last setting reaches Find; Enter starts the search and the keyboard moves to Cancel
    (root.querySelector('[data-capacity]') as HTMLInputElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(active()?.hasAttribute('data-find')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => finder(app).status === 'running');
    await until(() => active()?.hasAttribute('data-cancel') === true, 5000);
    await sendKeys({ press: 'Enter' });
    await until(
      () => finder(app).status === 'idle',
      10000,
      () => finder(app).status,
    );
    expect(finder(app).result).to.equal(null);
    expect(root.querySelector('[data-groupings]')).to.equal(null);

    (root.querySelector('[data-find]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await until(
      () => finder(app).status === 'done',
      60000,
      () => `${finder(app).status} ${finder(app).error}`,
    );
    await until(() => !!root.querySelector('[data-groupings] > li'));
    const result = finder(app).result!;
    expect(result.method).to.equal('exhaustive');
    expect(root.querySelectorAll('[data-groupings] > li').length).to.equal(result.groupings.length);
    expect(root.querySelector('[data-method]')?.textContent).to.contain('Alla 26 tillåtna grupper prövades');
    if (result.groupings[0].groups.length === 0)
      expect(root.querySelector('[data-no-gain]')?.textContent).to.contain('ingen gruppering billigare');
    // every grouping with a group is drawn: one dot per member, the group's number in its dots
    const drawn = result.groupings.findIndex((g) => g.groups.length > 0);
    const map = shadow(root.querySelector(`[data-grouping="${drawn}"] dm-coalition-map`))!;
    expect(map.querySelectorAll('[data-dot]').length).to.equal(5);
    expect(map.querySelectorAll('[data-group="1"] text.number').length).to.equal(
      result.groupings[drawn].groups[0].members.length,
    );
    expect(map.querySelector('svg')?.getAttribute('aria-label')).to.contain('Karta över gruppering');

    // divide the costs of the first group by keyboard: all six keys, a flag on every member that loses
    (root.querySelector(`[data-grouping="${drawn}"] [data-share]`) as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => app.store.state.coalition.sharing.status === 'done', 60000);
    await until(() => active()?.id === 'keys-h', 5000);
    const keys = shadow(root.querySelector('dm-coalition-keys'))!;
    expect(keys.querySelectorAll('th[data-key]').length).to.equal(6);
    const sharing = app.store.state.coalition.sharing.result!;
    const losers = sharing.keys.flatMap((k) => k.members.filter((m) => m.loses)).length;
    expect(keys.querySelectorAll('td[data-loses="true"] .flag').length).to.equal(losers);
    expect(keys.querySelectorAll('[data-key-sentences] li').length).to.equal(6);
    expect(keys.querySelector('[data-verdict]')?.textContent?.trim().length).to.be.greaterThan(10);
    expect(await violations()).to.deep.equal([]);

    // open the group as a scenario: its members, its form on, the costs tab, and the search marked stale
    const group = result.groupings[drawn].groups[0];
    (root.querySelector(`[data-grouping="${drawn}"] [data-open]`) as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => app.store.state.scenario.members.length === group.members.length);
    expect([...app.store.state.scenario.members].sort()).to.deep.equal([...group.members].sort());
    expect(app.store.state.scenario.paths[group.form].enabled).to.equal(true);
    expect(app.store.state.tab).to.equal('kostnad');
    app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'vemmedvem' } }));
    await until(() => !!tab(app)?.querySelector('[data-stale]'));
    // another group of the same list opens from the scenario the search was made for
    const other = result.groupings.findIndex(
      (g, i) => i > drawn && g.groups.length > 0 && g.groups[0].members.join() !== group.members.join(),
    );
    (tab(app).querySelector(`[data-grouping="${other}"] [data-open]`) as HTMLButtonElement).click();
    await until(() => app.store.state.scenario.members.length === result.groupings[other].groups[0].members.length);
    expect([...app.store.state.scenario.members].sort()).to.deep.equal(
      [...result.groupings[other].groups[0].members].sort(),
    );
  });
});
