import { BLOCK_RUNS, type Scenario } from '../engine/index.js';
import { formatNumber, type Lang, t } from '../i18n.js';

/**
 * The most work a link, file or saved scenario may start without the user asking for it, in
 * runs × members × years: 30 million, about all 290 kommuner over ten years at 10 000 runs (a minute or
 * two on two cores). The default scenario is 1.4 million.
 */
export const WORK_LIMIT = 30_000_000;

/**
 * A scenario that asks for more work than WORK_LIMIT is run with fewer runs first (a whole number of
 * blocks, at least one), and the user is told how to continue ("Kör fler" continues the same sequence, so
 * nothing is lost). Returns the scenario to run and, when it was reduced, the message to show.
 */
export function withinWorkLimit(scenario: Scenario, lang: Lang): { scenario: Scenario; message: string | null } {
  const perRun = scenario.members.length * scenario.horizonYears;
  if (scenario.runs * perRun <= WORK_LIMIT) return { scenario, message: null };
  const runs = Math.max(BLOCK_RUNS, Math.floor(WORK_LIMIT / perRun / BLOCK_RUNS) * BLOCK_RUNS);
  const n = (x: number) => formatNumber(x, lang);
  const message = t(
    'theScenarioAsksFor',
    lang,
    n(scenario.runs),
    n(scenario.members.length),
    n(scenario.horizonYears),
    n(runs),
  );
  return { scenario: { ...scenario, runs }, message };
}
