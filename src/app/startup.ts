/**
 * Startup: load and check the data files, restore the latest work (unless the address holds a link),
 * start the workers, then open the link or run the scenario on screen.
 */
import { parseKommunGeo } from '../data/kommun-geo.js';
import { parseCapabilities, parseMunicipalities, type Scenario } from '../engine/index.js';
import { loadDataFile } from '../platform.js';
import * as actions from '../state/actions.js';
import type { Region } from '../state/app-state.js';
import { describeIssue } from '../state/issue-text.js';
import { withinWorkLimit } from '../state/work-limit.js';
import type { WorkData } from '../state/working-scenario.js';
import type { AppHost } from './host.js';
import { type Address, linkInAddress } from './location.js';
import type { RunController } from './run-controller.js';

/** The autosave's part in startup (see `WorkAutosave`). */
export interface StartupWork {
  restore(linked: boolean, data: WorkData): Promise<Scenario | null>;
  arm(): void;
}

/** Load the data and start the app; a failure is shown in place of the app. */
export async function loadData(host: AppHost, work: StartupWork, runs: RunController, address: Address): Promise<void> {
  const { store } = host;
  try {
    const fetchJson = (name: string) => loadDataFile(name, new URL(`${host.dataBase}${name}`, document.baseURI));
    // the kommuner's points and borders are optional: without them the finder cannot keep to neighbours
    const geo = fetchJson('kommun-geo.json').then(
      (json) => {
        const parsed = parseKommunGeo(json);
        return parsed.ok ? parsed.value : null;
      },
      () => null,
    );
    const [municipalities, capabilities, regions] = await Promise.all(
      ['municipalities.json', 'capabilities.json', 'regions.json'].map(fetchJson),
    );
    const m = parseMunicipalities(municipalities);
    const c = parseCapabilities(capabilities);
    if (!m.ok || !c.ok) {
      const issues = [
        ...(m.ok ? [] : m.issues.map((i) => ({ ...i, path: `municipalities.${i.path}` }))),
        ...(c.ok ? [] : c.issues.map((i) => ({ ...i, path: `capabilities.${i.path}` }))),
      ].slice(0, 5);
      throw new Error(issues.map((i) => describeIssue(i, store.state.lang)).join('; '));
    }
    // the latest work, unless the address holds a scenario (a link reproduces its numbers; the work is offered)
    const restored = await work.restore(linkInAddress(), { municipalities: m.value, capabilities: c.value });
    if (restored) store.update(actions.loadScenario(withinWorkLimit(restored, store.state.lang).scenario));
    store.update(
      actions.dataLoaded({
        municipalities: m.value,
        capabilities: c.value,
        regions: regions as Region[],
        geo: await geo,
      }),
    );
    runs.connect(m.value, c.value);
    if (!address.openLink(() => runs.start())) runs.start();
    work.arm();
  } catch (error) {
    store.update(actions.dataFailed((error as Error).message));
  }
}
