import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { loadScenario } from '../../src/state/actions.js';
import { SavedScenarios } from '../../src/state/saved-scenarios.js';
import { shadow, until } from './helpers.js';

/** Storage as in a private window or with a full disk: every call fails. */
class NoStorage extends SavedScenarios {
  override async list(): Promise<never> {
    throw new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError');
  }
  override async put(): Promise<never> {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  }
}

function mount(saved?: SavedScenarios): DmApp {
  const app = document.createElement('dm-app');
  app.dataBase = '/public/data/';
  if (saved) app.savedScenarios = saved;
  app.store.update(loadScenario({ ...structuredClone(SCENARIOS[0]), runs: 200 }));
  document.body.append(app);
  return app;
}

describe('trust', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('dm-app')) el.remove();
  });

  it('works without browser storage (private mode, quota) and says so', async () => {
    const app = mount(new NoStorage(`none-${Date.now()}`));
    await until(() => app.store.state.run.status === 'done' && app.store.state.saved.status === 'unavailable');
    const panel = shadow(shadow(app)!.querySelector('dm-saved-panel'))!;
    await until(() => !!panel.querySelector('[role="status"]'));
    expect(panel.querySelector('[role="status"]')!.textContent).to.contain('privat läge');
    // a save that hits the quota gives a message, and the app keeps working
    app.store.update((d) => {
      d.saved.status = 'ready';
    });
    app.dispatchEvent(new CustomEvent('dm-save', { detail: { name: 'x' } }));
    await until(() => app.store.state.notice?.kind === 'error');
    expect(app.store.state.notice!.text).to.contain('QuotaExceededError');
    app.dispatchEvent(new CustomEvent('dm-run-settings-change', { detail: { runs: 300 } }));
    await until(() => app.store.state.run.status === 'done' && app.store.state.run.results?.runsDone === 300);
  });

  it('keeps what was saved when the page is reloaded in the middle of a run', async () => {
    const db = `reload-${Date.now()}`;
    const app = mount(new SavedScenarios(db));
    await until(() => app.store.state.run.status === 'done' && app.store.state.saved.status === 'ready');
    app.dispatchEvent(new CustomEvent('dm-save', { detail: { name: 'Före omladdning' } }));
    await until(() => app.store.state.saved.items.length === 1);
    app.dispatchEvent(new CustomEvent('dm-run-settings-change', { detail: { runs: 20000 } }));
    await until(() => app.store.state.run.status === 'running' && app.store.state.run.done > 0);
    app.remove(); // the page goes away mid-run
    const again = mount(new SavedScenarios(db));
    await until(() => again.store.state.saved.status === 'ready');
    expect(again.store.state.saved.items.map((x) => x.name)).to.deep.equal(['Före omladdning']);
  });

  it('is operable by keyboard: arrow keys move between result tabs with a visible focus', async () => {
    const app = mount();
    await until(() => app.store.state.run.status === 'done');
    const results = shadow(shadow(app)!.querySelector('dm-results'))!;
    await until(() => !!results.querySelector('#tab-kostnad'));
    (results.querySelector('#tab-kostnad') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => app.store.state.tab === 'kapacitet');
    await until(() => results.activeElement?.id === 'tab-kapacitet');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => app.store.state.tab === 'kostnad');
    const focused = results.activeElement as HTMLElement;
    await sendKeys({ press: 'Shift' }); // keyboard modality, so :focus-visible applies
    expect(getComputedStyle(focused).outlineStyle).to.not.equal('none');
  });
});
