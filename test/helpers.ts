import { readFileSync } from 'node:fs';
import { type Assumption, loadModel, type PreparedModel, type Scenario } from '../src/engine/index.js';

export const readJson = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));

export const municipalities = readJson('public/data/municipalities.json') as { code: string; name: string }[];
export const smallCatalogue = readJson('test/fixtures/capabilities-small.json') as Record<string, unknown>[];
export const fyrbodal = readJson('scenarios/fyrbodal.json') as Scenario;

/** A copy of the default scenario with changes applied. */
export function scenarioWith(change: (s: Scenario) => void): Scenario {
  const s = structuredClone(fyrbodal);
  change(s);
  return s;
}

/** Build a model or fail the test with the issues. */
export function model(scenario: unknown, capabilities: unknown = smallCatalogue): PreparedModel {
  const result = loadModel(scenario, municipalities, capabilities);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** Test inputs: a fixed value, and a PERT distribution, both marked as assumptions of the test. */
export const fixed = (value: number): Assumption => ({ dist: 'fixed', value, source: 'antagande: test' });
export const pert = (low: number, mode: number, high: number): Assumption => ({
  dist: 'pert',
  low,
  mode,
  high,
  source: 'antagande: test',
});
