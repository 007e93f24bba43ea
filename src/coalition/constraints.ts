/**
 * Which groups the coalition finder may form (docs/model.md §16): kommuner that must join a group or must
 * stay out, a largest group size, and neighbours only (same county, or bordering kommuner by the sourced
 * adjacency of public/data/kommun-geo.json). Pure: codes in, yes or no out.
 */

/** Who may be grouped with whom. */
export type NeighbourRule = 'any' | 'county' | 'adjacent';

export interface GroupConstraints {
  /** Kommuner (codes) that must be in some group. */
  mustJoin: string[];
  /** Kommuner (codes) that stay on their own. */
  exclude: string[];
  /** Largest number of kommuner in one group (≥ 2). */
  maxGroupSize: number;
  neighbours: NeighbourRule;
  /** When false, a group whose members lose development capacity on average is not formed. */
  capacityMayFall: boolean;
}

export const DEFAULT_CONSTRAINTS: GroupConstraints = {
  mustJoin: [],
  exclude: [],
  maxGroupSize: 290,
  neighbours: 'any',
  capacityMayFall: true,
};

/** What the rule needs to know of each kommun: its county and its bordering kommuner. */
export interface Geography {
  county: (code: string) => string | undefined;
  neighbours: (code: string) => readonly string[] | undefined;
}

/**
 * Whether `codes` may form one group: at least two, none excluded, not above the largest size, and under
 * the neighbour rule all in one county or connected through borders between its own members.
 */
export function allowedGroup(codes: readonly string[], rules: GroupConstraints, geo: Geography): boolean {
  if (codes.length < 2 || codes.length > rules.maxGroupSize) return false;
  if (codes.some((c) => rules.exclude.includes(c))) return false;
  if (rules.neighbours === 'county') {
    const county = geo.county(codes[0]);
    return county !== undefined && codes.every((c) => geo.county(c) === county);
  }
  if (rules.neighbours === 'adjacent') return connected(codes, geo);
  return true;
}

/** Whether the kommuner form one connected piece through borders between themselves. */
export function connected(codes: readonly string[], geo: Geography): boolean {
  const inGroup = new Set(codes);
  const seen = new Set([codes[0]]);
  const stack = [codes[0]];
  while (stack.length > 0) {
    const code = stack.pop() as string;
    for (const next of geo.neighbours(code) ?? []) {
      if (inGroup.has(next) && !seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen.size === inGroup.size;
}
