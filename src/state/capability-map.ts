/**
 * The capability map (förmågekartan) as the views need it: the shared strengths and weaknesses of the
 * members (which capabilities are weak in the most kommuner, and who could lend them), and what an imported
 * map would change. Pure: no DOM, no store.
 */
import {
  CAPABILITY_GROUPS,
  type Capability,
  type CapabilityLevel,
  type CapabilityMap,
  type MapCell,
} from '../engine/index.js';

/** The cells of one kommun, by capability id. */
export type MemberCells = Record<string, MapCell>;

/** A level at or below this is weak: 0 saknas (missing) or 1 sårbar (hangs on one person). */
export const WEAK_LEVEL: CapabilityLevel = 1;
/** The level at which a kommun could lend a capability to others: 3 stark. */
export const LENDING_LEVEL: CapabilityLevel = 3;

/** One capability's row of the heatmap. */
export interface WeaknessRow {
  capability: Capability;
  /** Per assessed member (in `assessed` order): its level, or null where it did not assess this capability. */
  levels: (CapabilityLevel | null)[];
  /** Kommunkoder where the capability is weak: level ≤ {@link WEAK_LEVEL}, or not assessed. */
  weak: string[];
  /** Kommunkoder at level {@link LENDING_LEVEL}, when the capability is weak in at least one other kommun. */
  lenders: string[];
}

/** The shared strengths and weaknesses of a map. */
export interface Weaknesses {
  /** Members (in scenario order) with at least one assessed cell: the heatmap's columns. */
  assessed: string[];
  /** Members without any assessed cell: not counted (an empty assessment is not a weak one). */
  notAssessed: string[];
  /** One row per capability, the capabilities weak in the most kommuner first. */
  rows: WeaknessRow[];
}

/**
 * The heatmap of a map: per capability, the level of each assessed member, the kommuner where it is weak
 * and those that could lend it. A member that assessed some capabilities but not this one counts as weak
 * in it (nobody knows that it is held); a member that assessed none is left out and listed in
 * `notAssessed`. Rows are ordered by the number of weak kommuner (most first), then by key capability
 * (the nine groups in their order) and the catalogue's order. O(members × capabilities).
 *
 * @example weaknesses({ members: { '1438': { 'service-desk': { level: 1, by: 'own' } } } }, ['1438'], catalogue)
 */
export function weaknesses(
  map: CapabilityMap | undefined,
  members: readonly string[],
  catalogue: readonly Capability[],
): Weaknesses {
  const assessed = members.filter((code) => Object.keys(map?.members[code] ?? {}).length > 0);
  const notAssessed = members.filter((code) => !assessed.includes(code));
  const groupRank = (c: Capability) => CAPABILITY_GROUPS.indexOf(c.group);
  const rows = catalogue.map((capability, order) => {
    const levels = assessed.map((code) => map?.members[code]?.[capability.id]?.level ?? null);
    const weak = assessed.filter((_, i) => levels[i] === null || (levels[i] as number) <= WEAK_LEVEL);
    const strong = assessed.filter((_, i) => levels[i] === LENDING_LEVEL);
    const lenders = weak.length > 0 ? strong : [];
    return { row: { capability, levels, weak, lenders }, order };
  });
  rows.sort(
    (a, b) =>
      b.row.weak.length - a.row.weak.length ||
      groupRank(a.row.capability) - groupRank(b.row.capability) ||
      a.order - b.order,
  );
  return { assessed, notAssessed, rows: rows.map((r) => r.row) };
}

/** What an imported map changes for one kommun: cells new, changed, removed (now not assessed), unchanged. */
export interface MemberChange {
  code: string;
  added: number;
  changed: number;
  removed: number;
  same: number;
}

const sameCell = (a: MapCell | undefined, b: MapCell | undefined) => a?.level === b?.level && a?.by === b?.by;

/**
 * Per imported kommun (in `imported`'s order), how its cells would change when they replace the current
 * ones: a capability the file leaves without a level is removed (not assessed).
 */
export function mapChanges(current: CapabilityMap | undefined, imported: Record<string, MemberCells>): MemberChange[] {
  return Object.entries(imported).map(([code, next]) => {
    const before = current?.members[code] ?? {};
    const change: MemberChange = { code, added: 0, changed: 0, removed: 0, same: 0 };
    for (const [id, cell] of Object.entries(next)) {
      if (!before[id]) change.added++;
      else if (sameCell(before[id], cell)) change.same++;
      else change.changed++;
    }
    for (const id of Object.keys(before)) if (!next[id]) change.removed++;
    return change;
  });
}

/**
 * The map after an import: the imported kommuner's cells replace theirs wholly (a kommun with no cell left
 * is dropped), the other kommuner keep theirs. `example` is kept (the other kommuner's values are still
 * the invented ones), and so is the source unless `source` is given.
 */
export function mergeMap(
  current: CapabilityMap | undefined,
  imported: Record<string, MemberCells>,
  source?: string,
): CapabilityMap {
  const members: Record<string, MemberCells> = { ...(current?.members ?? {}) };
  for (const [code, cells] of Object.entries(imported)) {
    if (Object.keys(cells).length > 0) members[code] = { ...cells };
    else delete members[code];
  }
  const kept = source ?? current?.source;
  return { ...(current?.example ? { example: true } : {}), ...(kept ? { source: kept } : {}), members };
}

/** One key capability's row of the overview: per assessed member, how many of its capabilities are weak. */
export interface GroupWeakness {
  group: (typeof CAPABILITY_GROUPS)[number];
  /** Capabilities in the group. */
  total: number;
  /** Per assessed member (in `assessed` order): the number of the group's capabilities weak there. */
  weak: number[];
}

/** The heatmap summed by the nine key capabilities (groups without capabilities are left out). */
export function groupWeaknesses(w: Weaknesses): GroupWeakness[] {
  return CAPABILITY_GROUPS.flatMap((group) => {
    const rows = w.rows.filter((r) => r.capability.group === group);
    if (rows.length === 0) return [];
    const weak = w.assessed.map((code) => rows.filter((r) => r.weak.includes(code)).length);
    return [{ group, total: rows.length, weak }];
  });
}
