import { expect } from '@open-wc/testing';
import { ASSUMPTIONS, centralValue, type Scenario } from '../../src/engine/index.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { setTab } from '../../src/state/actions.js';
import { encodeScenario } from '../../src/state/scenario-link.js';
import { shadow, until } from './helpers.js';

/** The default scenario with every input fixed: every run is the same, so the answer is stable at 400 runs. */
function certain(runs: number, stopWhenStable?: boolean): Scenario {
  const s: Scenario = { ...structuredClone(SCENARIOS[0]), runs };
  if (stopWhenStable !== undefined) s.stopWhenStable = stopWhenStable;
  s.assumptions = Object.fromEntries(
    ASSUMPTIONS.map((a) => [a.id, { dist: 'fixed', value: centralValue(a.default), source: 'antagande: test' }]),
  ) as Scenario['assumptions'];
  return s;
}

function open(scenario: Scenario) {
  history.replaceState(null, '', `#s=${encodeScenario(scenario, SCENARIOS, 'sv')}`);
  const app = document.createElement('dm-app');
  app.dataBase = '/public/data/';
  document.body.append(app);
  app.store.update(setTab('osakerhet'));
  return app;
}

describe('a stable answer (src/engine/stability.ts) in the app', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('dm-app')) el.remove();
    history.replaceState(null, '', location.pathname);
  });

  it('stops at the first stable answer when asked, says so, and a link reproduces where it stopped', async () => {
    const app = open(certain(2000, true));
    await until(() => app.store.state.run.status === 'done');
    const results = app.store.state.run.results!;
    expect(results.runsDone).to.equal(400);
    expect(results.stability?.stableAt).to.equal(400);
    await app.updateComplete;
    const tab = shadow(shadow(app)!.querySelector('dm-results'))!;
    await until(() => tab.querySelector('[data-stability]') !== null);
    expect(tab.querySelector('[data-stability]')!.textContent).to.contain('Stabilt svar efter 400 körningar');
    // the option is part of the scenario, so the link carries it
    expect(app.store.state.scenario.stopWhenStable).to.equal(true);
    expect(location.hash).to.contain('s=');
  });

  it('runs them all without the option, and the checkbox turns it on by keyboard', async () => {
    const app = open({ ...certain(600, false), sampling: 'mc' });
    await until(() => app.store.state.run.status === 'done');
    expect(app.store.state.run.results!.runsDone).to.equal(600);
    const panel = shadow(shadow(app)!.querySelector('dm-scenario-panel'))!;
    const box = panel.querySelector<HTMLInputElement>('[data-stop-when-stable] input')!;
    expect(box.checked).to.equal(false);
    box.focus();
    box.click();
    await until(() => app.store.state.scenario.stopWhenStable === true);
    box.click();
    // off again, and said so: the presets stop at a stable answer, so "off" is part of the scenario (and its link)
    await until(() => app.store.state.scenario.stopWhenStable === false);
    // quasi-random sampling: on and off, it is in the scenario (and its link)
    const rqmc = panel.querySelector<HTMLInputElement>('[data-sampling] input')!;
    expect(rqmc.checked).to.equal(false);
    rqmc.click();
    await until(() => app.store.state.scenario.sampling === 'rqmc');
    await until(
      () => app.store.state.run.status === 'done' && app.store.state.run.results!.scenario.sampling === 'rqmc',
    );
    rqmc.click();
    await until(() => app.store.state.scenario.sampling === 'mc');
  });
});
