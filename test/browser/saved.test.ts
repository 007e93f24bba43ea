import { expect } from '@open-wc/testing';
import { createStore, set } from 'idb-keyval';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { loadScenario } from '../../src/state/actions.js';
import { SavedScenarios } from '../../src/state/saved-scenarios.js';
import { shadow, until } from './helpers.js';

function mount(database: string, runs = 300): DmApp {
  const app = document.createElement('dm-app');
  app.dataBase = '/public/data/';
  app.savedScenarios = new SavedScenarios(database);
  app.store.update(loadScenario({ ...structuredClone(SCENARIOS[0]), runs }));
  document.body.append(app);
  return app;
}

describe('saved scenarios', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('dm-app')) el.remove();
  });

  it('saves under a name, survives a reload, and compares two side by side', async () => {
    const db = `test-${Date.now()}`;
    const app = mount(db);
    await until(() => app.store.state.run.status === 'done' && app.store.state.saved.status === 'ready');
    app.dispatchEvent(new CustomEvent('dm-save', { detail: { name: 'Alla 14' } }));
    await until(() => app.store.state.saved.items.length === 1);
    app.dispatchEvent(
      new CustomEvent('dm-members-change', { detail: { codes: ['1460', '1438', '1439', '1461', '1492'] } }),
    );
    await until(
      () => app.store.state.run.status === 'done' && app.store.state.run.results?.scenario.members.length === 5,
    );
    app.dispatchEvent(new CustomEvent('dm-save', { detail: { name: 'Dalsland' } }));
    await until(() => app.store.state.saved.items.length === 2);
    app.remove();

    // a fresh app (as after a reload) finds both
    const again = mount(db);
    await until(() => again.store.state.saved.status === 'ready' && again.store.state.run.status === 'done');
    expect(again.store.state.saved.items.map((x) => x.name).sort()).to.deep.equal(['Alla 14', 'Dalsland']);
    for (const item of again.store.state.saved.items)
      again.dispatchEvent(new CustomEvent('dm-compare-toggle', { detail: { id: item.id } }));
    again.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'jamforelse' } }));
    const results = shadow(shadow(again)!.querySelector('dm-results'))!;
    await until(() => results.querySelectorAll('dm-chart').length === 2);
    const chart = results.querySelector('dm-chart')!;
    await until(() => !!shadow(chart)?.querySelector('svg'));
    expect(
      shadow(chart)!.querySelectorAll('svg g[data-mark="dot"] circle, svg g[data-mark="dot"] path').length,
    ).to.equal(2 * 4);

    // rename, duplicate, delete
    const first = again.store.state.saved.items[0];
    again.dispatchEvent(new CustomEvent('dm-saved-rename', { detail: { id: first.id, name: 'Nytt namn' } }));
    await until(() => again.store.state.saved.items.some((x) => x.name === 'Nytt namn'));
    again.dispatchEvent(new CustomEvent('dm-saved-duplicate', { detail: { id: first.id } }));
    await until(() => again.store.state.saved.items.length === 3);
    again.dispatchEvent(new CustomEvent('dm-saved-delete', { detail: { id: first.id } }));
    await until(() => again.store.state.saved.items.length === 2);
  });

  it('sets corrupt stored data aside with a notice and still opens', async () => {
    const db = `corrupt-${Date.now()}`;
    const store = createStore(db, 'scenarios');
    await set(
      'bad-1',
      { id: 'bad-1', name: 'trasig', savedAt: 'x', scenario: { members: 'no' }, results: null },
      store,
    );
    await set('bad-2', 'not even an object', store);
    await set('__proto__', { polluted: true }, store);
    const app = mount(db);
    await until(() => app.store.state.saved.status === 'ready' && app.store.state.run.status === 'done');
    expect(app.store.state.saved.items).to.deep.equal([]);
    expect(app.store.state.notice?.text).to.contain('lagts åt sidan');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});
