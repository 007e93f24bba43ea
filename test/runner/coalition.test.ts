import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSTRAINTS, type Geography } from '../../src/coalition/constraints.js';
import { CoalitionGame, inThread } from '../../src/coalition/game.js';
import { findCoalitions } from '../../src/coalition/search.js';
import type { Capability, Municipality } from '../../src/engine/index.js';
import { CoalitionRunner } from '../../src/runner/coalition.js';
import { inProcessEndpoints } from '../../src/runner/in-process.js';
import { municipalities, pert, scenarioWith, smallCatalogue } from '../helpers.js';

/**
 * The coalition finder through workers (here: in-process endpoints that pass values as workers do): the
 * same answer as in one thread, and a cancelled search answers null.
 */
const scenario = scenarioWith((s) => {
  s.members = ['1438', '1460', '1461', '1492', '1439'];
  s.assumptions = { realisationShared: pert(0.3, 0.6, 0.9) };
});
const geography: Geography = { county: () => '14', neighbours: () => [] };
const request = {
  forms: ['samverkan', 'asymmetrisk'] as ('samverkan' | 'asymmetrisk')[],
  constraints: DEFAULT_CONSTRAINTS,
  settings: { screeningRuns: 10, refineRuns: 20 },
};

describe('the coalition runner', () => {
  it('finds through two workers what one thread finds, and reports progress', async () => {
    const runner = new CoalitionRunner(inProcessEndpoints, [municipalities, smallCatalogue]);
    const seen: number[] = [];
    const viaWorkers = await runner.find(scenario, request, geography, (p) => seen.push(p.screenedGroups));
    const game = new CoalitionGame(scenario, {
      municipalities: municipalities as Municipality[],
      capabilities: smallCatalogue as Capability[],
    });
    const direct = await findCoalitions({ codes: scenario.members, ...request, geography }, inThread(game));
    expect(viaWorkers).toEqual(direct);
    expect(seen.length).toBeGreaterThan(0);
    runner.dispose();
  });

  it('a cancelled search answers null, and the runner works again afterwards', async () => {
    const runner = new CoalitionRunner(inProcessEndpoints, [municipalities, smallCatalogue]);
    const first = runner.find(scenario, request, geography);
    await new Promise((resolve) => setTimeout(resolve, 5));
    runner.cancel();
    expect(await first).toBeNull();
    const again = await runner.find(scenario, request, geography);
    expect(again?.groupings.length).toBeGreaterThan(0);
    // a newer search supersedes an older one
    const older = runner.find(scenario, request, geography);
    const newer = runner.find(scenario, { ...request, forms: ['samverkan'] }, geography);
    expect(await older).toBeNull();
    expect((await newer)?.groupings.every((g) => g.groups.every((x) => x.form === 'samverkan'))).toBe(true);
    runner.dispose();
  });
});
