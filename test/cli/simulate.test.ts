import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATH_IDS } from '../../src/engine/index.js';
import { fyrbodal } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dm-cli-'));
// `npm run simulate` is `tsx src/cli/simulate.ts`; tsx's command starts a second Node process with its loader,
// so run that process directly (Node with tsx's loader): the same script, arguments, output and exit code,
// without npx's and tsx's own start-up for each of the test's runs.
const cli = (...args: string[]) =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/simulate.ts', ...args, '--capabilities', 'test/fixtures/capabilities-small.json'],
    { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname },
  );

describe('npm run simulate', () => {
  it('prints a table and writes results that hold every path and year', () => {
    const out = join(dir, 'r.json');
    const run = cli('scenarios/fyrbodal.json', '--runs', '300', '--workers', '2', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Samverkan');
    expect(run.stdout).toContain('Asymmetrisk');
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results.runsDone).toBe(300);
    for (const id of PATH_IDS) {
      expect(results.paths[id].years).toHaveLength(10);
      for (const y of results.paths[id].years) {
        for (const key of ['mean', 'p10', 'p50', 'p90']) {
          expect(typeof y.totalCost[key]).toBe('number');
          expect(typeof y.developmentCapacity[key]).toBe('number');
        }
      }
      expect(Object.keys(results.paths[id].npvVsStatusQuo)).toEqual(expect.arrayContaining(['p10', 'p50', 'p90']));
    }
    expect(results.paths.samverkan.probCheaper).toBeGreaterThanOrEqual(0);
    // the decision analysis: printed, and in the file for every enabled path
    expect(run.stdout).toContain('Vad måste vara sant?');
    expect(run.stdout).toContain('EVPPI');
    for (const id of PATH_IDS.filter((p) => p !== 'status-quo')) {
      expect(results.thresholds.thresholds.some((t: { path: string }) => t.path === id)).toBe(true);
      expect(results.decision.plane[id].quadrants).toBeDefined();
    }
    expect(results.decision.acceptability.best['status-quo']).toHaveLength(
      results.decision.acceptability.lambdas.length,
    );
    // --quick leaves it out
    const quick = cli('scenarios/dalsland.json', '--runs', '100', '--quick', '--out', out);
    expect(quick.status).toBe(0);
    expect(quick.stdout).not.toContain('Vad måste vara sant?');
    expect(JSON.parse(readFileSync(out, 'utf8')).decision).toBeUndefined();
  });

  it('writes byte-identical output whatever --workers is', () => {
    const files = ['0', '1', '3'].map((w) => {
      const out = join(dir, `w${w}.json`);
      expect(cli('scenarios/dalsland.json', '--runs', '400', '--workers', w, '--out', out).status).toBe(0);
      return readFileSync(out, 'utf8');
    });
    expect(files[1]).toBe(files[0]);
    expect(files[2]).toBe(files[0]);
  });

  it('reports a scenario whose arrangements share nothing as status quo on every path, never cheaper', () => {
    const none = join(dir, 'none.json');
    const paths = structuredClone(fyrbodal.paths);
    paths.samverkan.pooled = 'none';
    paths.asymmetrisk.provided = 'none';
    paths.omfordelning.transferred = 'none';
    paths.sammanlaggning.enabled = false;
    writeFileSync(none, JSON.stringify({ ...fyrbodal, paths }));
    const out = join(dir, 'none-results.json');
    const run = cli(none, '--runs', '200', '--out', out);
    expect(run.status).toBe(0);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    for (const id of ['samverkan', 'omfordelning', 'asymmetrisk']) {
      const path = results.paths[id];
      expect(path.probCheaper, id).toBe(0);
      expect(path.breakEven.probWithinHorizon, id).toBe(0);
      for (const key of ['mean', 'p5', 'p50', 'p95']) expect(path.npvVsStatusQuo[key], id).toBe(0);
      path.years.forEach((y: { probCheaper: number; totalCost: { mean: number } }, t: number) => {
        expect(y.probCheaper).toBe(0);
        expect(y.totalCost.mean).toBe(results.paths['status-quo'].years[t].totalCost.mean);
      });
    }
    // the printed table says 0 % cheaper for each of them
    expect(run.stdout.match(/\b0 %/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('reports a one-member arrangement without overheads as status quo, never cheaper', () => {
    const one = join(dir, 'one.json');
    const zero = { dist: 'fixed', value: 0, source: 'antagande: test' };
    const assumptions = Object.fromEntries(
      ['transitionShareShared', 'transitionShareMerger', 'governanceOverhead', 'coordinationFte', 'hostMarkup'].map(
        (id) => [id, zero],
      ),
    );
    writeFileSync(one, JSON.stringify({ ...fyrbodal, members: ['1438'], assumptions }));
    const out = join(dir, 'one-results.json');
    expect(cli(one, '--runs', '200', '--out', out).status).toBe(0);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    for (const id of ['samverkan', 'sammanlaggning', 'asymmetrisk']) {
      const path = results.paths[id];
      expect(path.probCheaper, id).toBe(0);
      expect(Math.abs(path.npvVsStatusQuo.mean), id).toBeLessThan(1);
      path.years.forEach((y: { probCheaper: number; coverage: { mean: number } }, t: number) => {
        expect(y.probCheaper).toBe(0);
        expect(y.coverage.mean).toBeCloseTo(results.paths['status-quo'].years[t].coverage.mean, 12);
      });
    }
  });

  it('rejects a bad scenario with the field path and no stack trace', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ...fyrbodal,
        horizonYears: 'ten',
        paths: { ...fyrbodal.paths, asymmetrisk: { ...fyrbodal.paths.asymmetrisk, host: '0000' } },
      }),
    );
    const run = cli(bad);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('scenario.horizonYears');
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('rejects a file that is not JSON and bad options', () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'not json');
    expect(cli(bad).status).toBe(1);
    expect(cli(bad).stderr).toContain('not valid JSON');
    const usage = cli('scenarios/fyrbodal.json', '--runs', '-3');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--runs');
  });

  it('--find-coalitions ranks groupings, divides the costs by every key, and searches county by county', () => {
    const out = join(dir, 'c.json');
    const scenario = JSON.parse(readFileSync('scenarios/dalsland.json', 'utf8'));
    // two kommuner of Värmland beside Dalsland's five: two counties
    scenario.members = [...scenario.members, '1765', '1785'];
    const file = join(dir, 'two-counties.json');
    writeFileSync(file, JSON.stringify(scenario));
    const run = cli(file, '--find-coalitions', '--keys', '--screening-runs', '20', '--refine-runs', '40', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Coalition finder: exhaustive');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.finder.groupings.length).toBeGreaterThan(1);
    expect(report.finder.allowedGroups).toBe(2 ** 7 - 7 - 1);
    for (const g of report.finder.groupings) {
      const seen = [...g.groups.flatMap((x: { members: string[] }) => x.members), ...g.alone].sort();
      expect(seen).toEqual([...scenario.members].sort());
    }
    // every key of the first grouping that forms a group
    expect(report.sharing.length).toBeGreaterThan(0);
    expect(report.sharing[0].keys.map((k: { key: string }) => k.key)).toEqual([
      'use',
      'inhabitants',
      'users',
      'fixedVariable',
      'shapley',
      'nucleolus',
    ]);
    const byCounty = cli(
      file,
      '--find-coalitions',
      '--screening-runs',
      '20',
      '--refine-runs',
      '40',
      '--by-county',
      '--workers',
      '2',
      '--out',
      out,
    );
    expect(byCounty.status).toBe(0);
    const counties = JSON.parse(readFileSync(out, 'utf8')).byCounty;
    expect(Object.keys(counties)).toEqual(['14', '17']);
    expect(counties['17'].members.map((m: { code: string }) => m.code)).toEqual(['1765', '1785']);
    // bad options are named
    const bad = cli(file, '--find-coalitions', '--neighbours', 'friends');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--neighbours');
  });

  it('a scenario that stops at a stable answer stops there, and equals a run of that many', () => {
    const scenario = JSON.parse(readFileSync('scenarios/dalsland.json', 'utf8'));
    Object.assign(scenario, { runs: 6000, stopWhenStable: true, sampling: 'rqmc' });
    const file = join(dir, 'stop.json');
    writeFileSync(file, JSON.stringify(scenario));
    const out = join(dir, 'stop-out.json');
    const run = cli(file, '--quick', '--workers', '2', '--out', out);
    expect(run.status).toBe(0);
    const stopped = JSON.parse(readFileSync(out, 'utf8'));
    expect(stopped.stability.stableAt).toBeLessThan(6000);
    expect(stopped.runsDone).toBe(stopped.stability.stableAt);
    Object.assign(scenario, { runs: stopped.runsDone, stopWhenStable: false });
    writeFileSync(file, JSON.stringify(scenario));
    const whole = cli(file, '--quick', '--workers', '0', '--out', out);
    expect(whole.status).toBe(0);
    const full = JSON.parse(readFileSync(out, 'utf8'));
    expect(full.paths).toEqual(stopped.paths);
  });
});
