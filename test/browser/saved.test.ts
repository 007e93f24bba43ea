import { expect } from '@open-wc/testing';
import { createStore, entries, get, set } from 'idb-keyval';
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
  // every run it asks for (the presets stop at a stable answer): these tests follow a run of a known size
  app.store.update(loadScenario({ ...structuredClone(SCENARIOS[0]), runs, stopWhenStable: false }));
  document.body.append(app);
  return app;
}

describe('saved scenarios', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('dm-app')) el.remove();
    // the app writes its scenario's link into the address: the next test starts from its own scenario
    history.replaceState(null, '', location.pathname + location.search);
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

  it('loads an entry with fields from a newer version, and keeps those fields when it is saved again', async () => {
    const db = `newer-${Date.now()}`;
    const store = createStore(db, 'scenarios');
    const scenario = { ...structuredClone(SCENARIOS[0]), runs: 300 };
    // fields this version does not know: on the entry, on the scenario and deep inside it
    const raw = {
      id: 's-newer',
      name: 'Från en nyare version',
      savedAt: '2026-03-01T09:00:00.000Z',
      scenario: {
        ...scenario,
        budgetCeiling: 5_000_000,
        paths: { ...scenario.paths, samverkan: { ...scenario.paths.samverkan, contractYears: 4 } },
      },
      results: null,
      tags: ['budget 2027'],
    };
    await set(raw.id, raw, store);
    const app = mount(db);
    await until(() => app.store.state.saved.status === 'ready' && app.store.state.run.status === 'done');
    expect(app.store.state.saved.items.map((x) => x.name)).to.deep.equal(['Från en nyare version']);
    expect(app.store.state.saved.unreadable).to.deep.equal([]);
    const panel = shadow(shadow(app)!.querySelector('dm-saved-panel'))!;
    await until(() => !!panel.querySelector('[data-saved="s-newer"] [data-newer]'));
    expect(panel.querySelector('[data-saved="s-newer"] [data-newer]')!.textContent).to.contain('nyare version');

    // it opens: the scenario is used without the fields this version does not know
    app.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'kapacitet' } }));
    app.dispatchEvent(new CustomEvent('dm-saved-open', { detail: { id: 's-newer' } }));
    await until(() => app.store.state.run.status === 'done' && app.store.state.scenario.runs === 300);
    expect('budgetCeiling' in app.store.state.scenario).to.equal(false);

    // renamed (written again): the unknown fields are still stored, as they were
    app.dispatchEvent(new CustomEvent('dm-saved-rename', { detail: { id: 's-newer', name: 'Omdöpt' } }));
    await until(() => app.store.state.saved.items.some((x) => x.name === 'Omdöpt'));
    const stored = (await get('s-newer', store)) as typeof raw;
    expect(stored.name).to.equal('Omdöpt');
    expect(stored.tags).to.deep.equal(['budget 2027']);
    expect(stored.scenario.budgetCeiling).to.equal(5_000_000);
    expect(stored.scenario.paths.samverkan.contractYears).to.equal(4);
  });

  it('lists an entry that cannot be read by its name, offers it as a file, and deletes it only when the user says so', async () => {
    const db = `corrupt-${Date.now()}`;
    const store = createStore(db, 'scenarios');
    const broken = {
      id: 'bad-1',
      name: 'Trasig',
      savedAt: '2025-05-01T10:00:00.000Z',
      scenario: { ...structuredClone(SCENARIOS[0]), members: 'no' },
      results: null,
    };
    await set('bad-1', broken, store);
    await set('bad-2', 'not even an object', store);
    await set('__proto__', { polluted: true }, store);
    // one an earlier version moved to a database of its own: listed too
    const aside = createStore(`${db}-aside`, 'set-aside');
    await set(
      'old@1',
      { id: 'old', name: 'Undanlagd', savedAt: 'x', scenario: { schemaVersion: 9 }, results: null },
      aside,
    );

    const app = mount(db);
    await until(() => app.store.state.saved.status === 'ready' && app.store.state.run.status === 'done');
    expect(app.store.state.saved.items).to.deep.equal([]);
    expect(app.store.state.saved.unreadable.length).to.equal(4);
    expect(app.store.state.notice?.text).to.contain('”Trasig”');
    // the app deleted nothing
    expect((await entries(store)).length).to.equal(3);
    expect((await entries(aside)).length).to.equal(1);

    const panel = shadow(shadow(app)!.querySelector('dm-saved-panel'))!;
    await until(() => panel.querySelectorAll('[data-unreadable-entry]').length === 4);
    const listed = [...panel.querySelectorAll('[data-unreadable-entry]')].map((li) => li.textContent ?? '');
    const trasig = listed.find((text) => text.includes('Trasig'));
    expect(trasig).to.contain('”Kommuner”');
    expect(listed.some((text) => text.includes('Undanlagd') && text.includes('nyare version'))).to.equal(true);
    expect(listed.filter((text) => text.includes('Namnlöst scenario')).length).to.equal(2);

    // download: the content as it is stored
    const item = [...panel.querySelectorAll('[data-unreadable-entry]')].find((li) =>
      li.textContent?.includes('Trasig'),
    )!;
    (item.querySelector('[data-download]') as HTMLButtonElement).click();
    await until(() => app.lastDownload !== null);
    expect(app.lastDownload!.name).to.equal('sparat-scenario-trasig.json');
    expect(JSON.parse(app.lastDownload!.text)).to.deep.equal(broken);

    // delete: not when the user says no; gone when the user says yes
    const original = window.confirm;
    try {
      window.confirm = () => false;
      (item.querySelector('[data-delete]') as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 300));
      expect(await get('bad-1', store)).to.deep.equal(broken);
      window.confirm = () => true;
      (item.querySelector('[data-delete]') as HTMLButtonElement).click();
      await until(() => app.store.state.saved.unreadable.length === 3);
      expect(await get('bad-1', store)).to.equal(undefined);
      expect((await entries(store)).length).to.equal(2);
    } finally {
      window.confirm = original;
    }
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('gives a scenario saved mid-run the results of its run when the run ends', async function () {
    this.timeout(120_000);
    const db = `midrun-${Date.now()}`;
    const app = mount(db);
    await until(() => app.store.state.run.status === 'done' && app.store.state.saved.status === 'ready');
    app.dispatchEvent(new CustomEvent('dm-run-settings-change', { detail: { runs: 5000 } }));
    await until(() => app.store.state.run.status === 'running' && app.store.state.run.total === 5000);
    app.dispatchEvent(new CustomEvent('dm-save', { detail: { name: 'Mitt i körningen' } }));
    await until(() => app.store.state.saved.items.length === 1);
    // saved before the run ended: no results of the earlier, smaller run
    if (app.store.state.run.status === 'running') expect(app.store.state.saved.items[0].results).to.equal(null);
    await until(
      () => app.store.state.saved.items[0]?.results !== null,
      60000,
      () => `for results after the run (${app.store.state.run.status}, ${app.store.state.run.done} runs)`,
    );
    expect(app.store.state.saved.items[0].results!.runs).to.equal(5000);
    const kept = await new SavedScenarios(db).list();
    expect(kept.items[0].results?.runs).to.equal(5000);
  });

  it('runs a compared scenario that was saved without results, and says so instead of asking to tick it', async function () {
    this.timeout(120_000);
    const db = `compare-${Date.now()}`;
    const first = mount(db);
    await until(() => first.store.state.run.status === 'done' && first.store.state.saved.status === 'ready');
    first.dispatchEvent(new CustomEvent('dm-save', { detail: { name: 'Med resultat' } }));
    await until(() => first.store.state.saved.items.length === 1);
    first.remove();
    // one saved without results (the page was closed before its run ended), compared after a reload
    await set(
      's-utan',
      {
        id: 's-utan',
        name: 'Utan resultat',
        savedAt: new Date().toISOString(),
        scenario: { ...structuredClone(SCENARIOS[0]), runs: 5000, seed: 7, stopWhenStable: false },
        results: null,
      },
      createStore(db, 'scenarios'),
    );
    const again = mount(db);
    await until(() => again.store.state.saved.status === 'ready' && again.store.state.run.status === 'done');
    for (const item of again.store.state.saved.items)
      again.dispatchEvent(new CustomEvent('dm-compare-toggle', { detail: { id: item.id } }));
    again.dispatchEvent(new CustomEvent('dm-tab-change', { detail: { tab: 'jamforelse' } }));
    const results = shadow(shadow(again)!.querySelector('dm-results'))!;
    // the comparison panel's own text: its note (the charts draw in shadow roots of their own)
    const note = () => (results.querySelector('#panel')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    await until(
      () => note().includes('2 scenarier valda; 1 saknar resultat och körs nu'),
      10000,
      () => `the note says: ${note()}`,
    );
    expect(note()).to.contain('”Utan resultat”');
    expect(note()).not.to.contain('kryssa i dem');
    await until(
      () => results.querySelectorAll('dm-chart').length === 2,
      60000,
      () => note(),
    );
    expect(note()).to.equal('');
    const stored = (await get('s-utan', createStore(db, 'scenarios'))) as { results: { runs: number } | null };
    expect(stored.results?.runs).to.equal(5000);
  });
});
