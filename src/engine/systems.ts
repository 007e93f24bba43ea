/**
 * The model's systems rule: how many business systems a kommun of N inhabitants runs, 100·(N/9 000)^0.4
 * (antagande anchored on Vännäs, ≈ 9 000 inhabitants and "över hundra system"). The embedded profiles
 * are derived with it (src/cli/derive-profiles.ts), and a merger consolidates toward it (docs/model.md §5.5).
 */
export function systemsForPopulation(inhabitants: number): number {
  return 100 * (inhabitants / 9000) ** 0.4;
}

/**
 * The system count a merged municipality consolidates toward: the rule's count for its population,
 * scaled by how far its members' actual counts stand from the rule, and kept between the largest
 * member's count and the sum (docs/model.md §5.5).
 */
export function mergedSystemsTarget(members: readonly { population: number; systems: number }[]): number {
  let sum = 0;
  let max = 0;
  let rule = 0;
  let population = 0;
  for (const m of members) {
    sum += m.systems;
    max = Math.max(max, m.systems);
    rule += systemsForPopulation(m.population);
    population += m.population;
  }
  if (rule === 0) return sum;
  const target = (systemsForPopulation(population) * sum) / rule;
  return Math.min(sum, Math.max(max, target));
}
