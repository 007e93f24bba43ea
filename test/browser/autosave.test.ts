import { expect } from '@open-wc/testing';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import type { Scenario } from '../../src/engine/index.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { loadScenario } from '../../src/state/actions.js';
import { SavedScenarios } from '../../src/state/saved-scenarios.js';
import { encodeScenario } from '../../src/state/scenario-link.js';
import { canonical, WorkingScenarioStore, workEntry } from '../../src/state/working-scenario.js';
import { shadow, until } from './helpers.js';

/** The app as index.html has it (`autosave`), with databases of its own, on the default scenario. */
function mount(db: string, runs = 300): DmApp {
  document.documentElement.lang = 'sv';
  const app = document.createElement('dm-app');
  app.dataBase = '/public/data/';
  app.setAttribute('autosave', '');
  app.savedScenarios = new SavedScenarios(`${db}-saved`);
  app.workStore = new WorkingScenarioStore(`${db}-work`);
  app.store.update(loadScenario({ ...structuredClone(SCENARIOS[0]), runs }));
  document.body.append(app);
  return app;
}

const settled = (app: DmApp) => () => app.store.state.run.status === 'done' && app.store.state.saved.status === 'ready';
const workNotice = (app: DmApp) => shadow(app)!.querySelector<HTMLElement>('[data-work-notice]');

describe('the working scenario survives a reload', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('dm-app')) el.remove();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('brings an edit back after a reload, and can start over from the default', async () => {
    const db = `work-${Date.now()}`;
    const app = mount(db);
    await until(settled(app));
    app.dispatchEvent(new CustomEvent('dm-run-settings-change', { detail: { seed: 4242 } }));
    app.dispatchEvent(
      new CustomEvent('dm-profile-edit', { detail: { code: '1438', field: 'itCost', value: 12_345_678 } }),
    );
    await until(() => app.store.state.run.status === 'done' && app.store.state.scenario.seed === 4242);
    await until(() => (app.store.state.scenario.profiles?.length ?? 0) === 1);
    await new Promise((r) => setTimeout(r, 700)); // the autosave follows 500 ms after the last change
    const edited = app.store.state.scenario;
    app.remove();

    // opened again without a scenario in the address (a bookmark): the latest work is back, and says so
    history.replaceState(null, '', location.pathname + location.search);
    const again = mount(db);
    await until(settled(again));
    expect(canonical(again.store.state.scenario)).to.equal(canonical(edited));
    expect(again.store.state.run.results?.scenario.seed).to.equal(4242);
    expect(again.store.state.scenario.profiles?.[0].itCost).to.equal(12_345_678);
    await until(() => workNotice(again)?.dataset.workNotice === 'restored');
    expect(workNotice(again)!.textContent).to.contain('Ditt senaste arbete är återställt');
    const startOver = workNotice(again)!.querySelector<HTMLButtonElement>('[data-work-start-over]')!;
    expect(startOver.textContent).to.contain('Börja om från Fyrbodal');
    startOver.click();
    await until(() => again.store.state.run.status === 'done' && again.store.state.scenario.seed === SCENARIOS[0].seed);
    expect(canonical(again.store.state.scenario)).to.equal(canonical(SCENARIOS[0]));
    expect(workNotice(again)).to.equal(null);
  });

  it('a link wins, shows its own numbers, and offers the latest work back without losing it', async () => {
    const db = `link-${Date.now()}`;
    // the latest work: Dalsland, seed 11
    const latest: Scenario = { ...structuredClone(SCENARIOS[1]), runs: 300, seed: 11 };
    await new WorkingScenarioStore(`${db}-work`).write(workEntry(latest));
    // a link to Trestad
    const linked: Scenario = { ...structuredClone(SCENARIOS[2]), runs: 300 };
    history.replaceState(null, '', `#s=${encodeScenario(linked, SCENARIOS, 'sv')}`);
    const app = mount(db);
    await until(settled(app));
    expect(app.store.state.run.results?.scenario.members.map((m) => m.code).sort()).to.deep.equal(
      [...linked.members].sort(),
    );
    await until(() => workNotice(app)?.dataset.workNotice === 'offer');
    const restore = workNotice(app)!.querySelector<HTMLButtonElement>('[data-work-restore]')!;
    expect(restore.textContent).to.contain('Återställ ditt senaste arbete');

    // editing the link's scenario keeps the earlier work among the saved scenarios before it is replaced
    app.dispatchEvent(new CustomEvent('dm-run-settings-change', { detail: { seed: 77 } }));
    await until(() => app.store.state.saved.items.some((x) => x.name.startsWith('Tidigare arbete')), 5000);
    const kept = app.store.state.saved.items.find((x) => x.name.startsWith('Tidigare arbete'))!;
    expect(canonical(kept.scenario)).to.equal(canonical(latest));
    await until(() => workNotice(app)?.dataset.workNotice === 'kept');

    // and it can still be restored in place
    workNotice(app)!.querySelector<HTMLButtonElement>('[data-work-restore]')!.click();
    await until(() => app.store.state.run.status === 'done' && app.store.state.scenario.seed === 11);
    expect(canonical(app.store.state.scenario)).to.equal(canonical(latest));
  });

  it('a link opened while working keeps the work it replaces and offers it back', async () => {
    const db = `hash-${Date.now()}`;
    const app = mount(db);
    await until(settled(app));
    app.dispatchEvent(new CustomEvent('dm-run-settings-change', { detail: { seed: 31 } }));
    await until(() => app.store.state.run.status === 'done' && app.store.state.scenario.seed === 31);
    const working = app.store.state.scenario;
    // another link is opened in the same tab (the address changes at once, before the autosave's turn)
    location.hash = `s=${encodeScenario({ ...structuredClone(SCENARIOS[3]), runs: 300 }, SCENARIOS, 'sv')}`;
    await until(() => app.store.state.run.status === 'done' && app.store.state.scenario.id === SCENARIOS[3].id);
    await until(() => workNotice(app)?.dataset.workNotice === 'offer');
    await app.work.flush();
    const stored = (await app.workStore.read()) as { scenario: unknown };
    expect(canonical(stored.scenario)).to.equal(canonical(working));
    workNotice(app)!.querySelector<HTMLButtonElement>('[data-work-restore]')!.click();
    await until(() => app.store.state.run.status === 'done' && app.store.state.scenario.seed === 31);
    expect(canonical(app.store.state.scenario)).to.equal(canonical(working));
  });

  it('a link to the very scenario of the latest work offers nothing', async () => {
    const db = `same-${Date.now()}`;
    const latest: Scenario = { ...structuredClone(SCENARIOS[1]), runs: 300, seed: 12 };
    await new WorkingScenarioStore(`${db}-work`).write(workEntry(latest));
    history.replaceState(null, '', `#s=${encodeScenario(latest, SCENARIOS, 'sv')}`);
    const app = mount(db);
    await until(settled(app));
    expect(app.store.state.scenario.seed).to.equal(12);
    expect(workNotice(app)).to.equal(null);
  });

  it('a damaged entry does not stop the app: it says what is wrong, offers the file and keeps it', async () => {
    const db = `bad-${Date.now()}`;
    const work = new WorkingScenarioStore(`${db}-work`);
    const damaged = { ...workEntry({ ...structuredClone(SCENARIOS[1]), runs: 300 }) } as Record<string, unknown>;
    damaged.scenario = { ...(damaged.scenario as object), horizonYears: 500 };
    await work.writeRaw(damaged);
    const app = mount(db);
    await until(settled(app));
    // the default runs
    expect(app.store.state.run.results?.scenario.members.length).to.equal(SCENARIOS[0].members.length);
    await until(() => workNotice(app)?.dataset.workNotice === 'unreadable');
    const notice = workNotice(app)!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.contain('Ditt senaste arbete kunde inte återställas');
    expect(notice.textContent).to.contain('År framåt');
    notice.querySelector<HTMLButtonElement>('[data-work-download]')!.click();
    expect(app.lastDownload?.name).to.equal('senaste-arbete.json');
    expect(JSON.parse(app.lastDownload!.text).scenario.horizonYears).to.equal(500);

    // the app still works; the first change keeps the damaged entry among the saved ones, as it is
    app.dispatchEvent(new CustomEvent('dm-run-settings-change', { detail: { seed: 5 } }));
    await until(() => app.store.state.run.status === 'done' && app.store.state.scenario.seed === 5);
    await until(() => app.store.state.saved.unreadable.length === 1, 5000);
    await until(() => (workNotice(app)?.textContent ?? '').includes('Sparade scenarier'));
    await app.work.flush();
    expect(canonical(((await work.read()) as { scenario: unknown }).scenario)).to.equal(
      canonical(app.store.state.scenario),
    );
  });
});
