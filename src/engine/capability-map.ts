/**
 * The capability map in the model (docs/model.md §14): a scenario's map resolved against its members and
 * the catalogue into one level per member and capability, and whether the member keeps the capability
 * where it is delivered today. How they change the numbers is in simulate.ts (and, from the text, in the
 * reference model).
 */
import type { Capability, Issue, Municipality, Scenario } from './schema.js';

/** A scenario's capability map per member and capability, [member × capability]. */
export interface ResolvedMap {
  /** The assessed level 0–3, or −1 where the member did not assess the capability. */
  levels: Int8Array;
  /**
   * 1 where a supplier or an existing collaboration delivers the capability today (`by`): a contract path
   * leaves it there, outside what the member moves to the path's provider (§14). 0 elsewhere.
   */
  kept: Uint8Array;
}

/**
 * The capability map as levels per member and capability (−1: not assessed) and who keeps delivering
 * what. A capability id the catalogue does not have is an error (named by its path); cells of kommuner
 * outside the scenario are kept in the scenario but do not enter the model.
 */
export function resolveMap(
  scenario: Scenario,
  members: Municipality[],
  capabilities: Capability[],
  issues: Issue[],
): ResolvedMap {
  const C = capabilities.length;
  const levels = new Int8Array(members.length * C).fill(-1);
  const kept = new Uint8Array(members.length * C);
  const map = scenario.capabilityMap;
  if (!map) return { levels, kept };
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
      if (i === undefined) continue;
      levels[i * C + c] = cell.level;
      kept[i * C + c] = cell.by === 'own' ? 0 : 1;
    }
  }
  return { levels, kept };
}
