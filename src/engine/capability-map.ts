/**
 * The capability map in the model (docs/model.md §14): a scenario's map resolved against its members and
 * the catalogue into one level per member and capability. How the levels change the numbers is in
 * simulate.ts (and, from the text, in the reference model).
 */
import type { Capability, Issue, Municipality, Scenario } from './schema.js';

/**
 * The capability map as levels per member and capability (−1: not assessed). A capability id the
 * catalogue does not have is an error (named by its path); cells of kommuner outside the scenario are
 * kept in the scenario but do not enter the model.
 */
export function resolveMap(scenario: Scenario, members: Municipality[], capabilities: Capability[], issues: Issue[]) {
  const C = capabilities.length;
  const levels = new Int8Array(members.length * C).fill(-1);
  const map = scenario.capabilityMap;
  if (!map) return levels;
  const index = new Map(capabilities.map((c, k) => [c.id, k]));
  const row = new Map(members.map((m, i) => [m.code, i]));
  for (const [code, cells] of Object.entries(map.members)) {
    const i = row.get(code);
    for (const [id, cell] of Object.entries(cells)) {
      const c = index.get(id);
      if (c === undefined) {
        issues.push({ path: `capabilityMap.members.${code}.${id}`, message: `unknown capability id "${id}"` });
        continue;
      }
      if (i !== undefined) levels[i * C + c] = cell.level;
    }
  }
  return levels;
}
