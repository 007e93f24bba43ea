/**
 * Each member's part of a path's results (results.ts `MemberResult`): its per-run statistics, its means
 * per year from the block sums, and its final-year coverage per key capability. Accumulator.summarize's
 * helper; the sums come in, no runs are read here.
 */
import type { PreparedModel } from './model.js';
import type { MemberResult, Stats } from './results.js';
import { CAPABILITY_GROUPS, PATH_IDS } from './schema.js';
import { MEMBER_YEAR_METRICS, type MemberRunMetric, type MemberYearMetric } from './simulate.js';

/**
 * Path p's member results over n runs. `memberYear`: [metric][path][member][year] sums over the runs;
 * `groups`: [held|robust][path][member][group] sums of final-year group coverage; `stat`: the statistics
 * of a member's per-run metric.
 */
export function memberResults(
  model: PreparedModel,
  p: number,
  n: number,
  memberYear: Float64Array,
  groups: Float64Array,
  stat: (metric: MemberRunMetric, i: number) => Stats,
): MemberResult[] {
  const P = PATH_IDS.length;
  const M = model.members.length;
  const T = model.years.length;
  const G = CAPABILITY_GROUPS.length;
  return model.members.map((member, i) => ({
    code: member.code,
    name: member.name,
    horizonCost: stat('horizonCost', i),
    npvVsStatusQuo: stat('npvVsStatusQuo', i),
    finalDevelopmentCapacity: stat('finalDevelopmentCapacity', i),
    finalCapacityGap: stat('finalCapacityGap', i),
    years: model.years.map((year, t) => {
      const row = { year } as { year: number } & Record<MemberYearMetric, number>;
      MEMBER_YEAR_METRICS.forEach((metric, k) => {
        row[metric] = memberYear[((k * P + p) * M + i) * T + t] / n;
      });
      return row;
    }),
    groupCoverage: CAPABILITY_GROUPS.map((group, g) => ({
      group,
      held: groups[((0 * P + p) * M + i) * G + g] / n,
      robust: groups[((1 * P + p) * M + i) * G + g] / n,
    })),
  }));
}
