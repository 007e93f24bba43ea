import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_RUNS, type Scenario } from '../../src/engine/index.js';
import { WORK_LIMIT, withinWorkLimit } from '../../src/state/work-limit.js';
import { fyrbodal, municipalities } from '../helpers.js';

describe('work a link or file may start', () => {
  it('runs the default scenario as asked', () => {
    expect(withinWorkLimit(fyrbodal, 'sv')).toEqual({ scenario: fyrbodal, message: null });
  });

  it('reduces a very large request to whole blocks within the limit, says so, and leaves the rest alone', () => {
    const codes = municipalities.map((m) => m.code);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: codes.length }),
        (runs, horizonYears, size) => {
          const scenario: Scenario = { ...fyrbodal, runs, horizonYears, members: codes.slice(0, size) };
          const { scenario: run, message } = withinWorkLimit(scenario, 'sv');
          const work = (s: Scenario) => s.runs * s.members.length * s.horizonYears;
          if (work(scenario) <= WORK_LIMIT) {
            expect(run).toBe(scenario);
            expect(message).toBeNull();
          } else {
            expect(run.runs % BLOCK_RUNS).toBe(0);
            expect(run.runs).toBeGreaterThanOrEqual(BLOCK_RUNS);
            expect(run.runs).toBeLessThan(scenario.runs);
            expect(work(run) <= WORK_LIMIT || run.runs === BLOCK_RUNS).toBe(true);
            expect({ ...run, runs: scenario.runs }).toEqual(scenario);
            expect(message).toContain('Kör fler');
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
