/**
 * The figure block that runs a scenario with today's rules and the defaults as they were before the
 * model-integrity revision, to separate what the rules changed from what the defaults changed.
 */
import type { Assumption, Scenario } from '../../engine/index.js';
import { caption, DOC_RUNS, pathTable, runScenario } from './scenario-run.js';

const earlier = 'antagande: förvalet före modellrättelsen (commit 0821931), bara för jämförelse';
const pert = (low: number, mode: number, high: number): Assumption => ({
  dist: 'pert',
  low,
  mode,
  high,
  source: earlier,
});
const none: Assumption = { dist: 'fixed', value: 0, source: earlier };

/**
 * The defaults that changed with the model-integrity revision, as they were before it (commit 0821931),
 * with the new inputs switched off. Run with today's rules, they separate what the rules changed from
 * what the defaults changed.
 */
export const EARLIER_DEFAULTS: Scenario['assumptions'] = {
  realisationShared: pert(0.1, 0.5, 0.9),
  realisationMerger: pert(0, 0.15, 0.7),
  transitionShareShared: pert(0.1, 0.25, 0.5),
  transitionShareMerger: pert(0.05, 0.1, 0.2),
  migrationCostPerSystem: pert(50_000, 150_000, 400_000),
  hostMarkup: pert(0, 0.04, 0.08),
  scaleShift: { dist: 'triangular', low: -1, mode: 0, high: 1, source: earlier },
  scaleShiftDrift: none,
  scaleShiftGovernance: none,
  scaleShiftDevelopment: none,
  nonStaffScaleShift: none,
};

export function earlierDefaultsBlock(file: string): string {
  const run = runScenario(file, DOC_RUNS, EARLIER_DEFAULTS);
  return [
    `${caption(run)} Today's rules with the defaults as they were before this revision (\`EARLIER_DEFAULTS\` in \`src/cli/docs-figures.ts\`).`,
    '',
    pathTable(run),
  ].join('\n');
}
