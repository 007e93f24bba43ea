/**
 * The coalition finder and the cost-sharing analysis for the app (src/coalition/): the search runs in this
 * thread (bookkeeping only) and sends the groups to simulate to a few coalition workers, split evenly, so
 * that both cores work. One search or analysis at a time: starting one, or cancel(), stops the previous;
 * a stopped one answers null. Workers are started on first use and kept for the same scenario and data.
 */
import type { Geography, GroupConstraints } from '../coalition/constraints.js';
import type { GroupForm, GroupOutcome } from '../coalition/game.js';
import { type FinderProgress, type FinderResult, type FinderSettings, findCoalitions } from '../coalition/search.js';
import {
  analyseSharing,
  type SharingEvaluator,
  type SharingInput,
  type SharingResult,
  withoutExits,
} from '../coalition/sharing.js';
import type { Scenario } from '../engine/index.js';
import type { CoalitionApi } from './apis.js';
import { Alarm, answerOf, type Endpoint, type EndpointFactory } from './endpoint.js';
import { nextTask } from './next-task.js';

export interface FinderRequest {
  forms: GroupForm[];
  constraints: GroupConstraints;
  settings?: Partial<FinderSettings>;
}

export class CoalitionRunner {
  private endpoints: Endpoint<CoalitionApi>[] = [];
  /** The scenario and forms the workers hold (by identity and value), so a second call reuses their caches. */
  private loaded: string | null = null;
  private token = 0;
  /** Raised when the workers are stopped, so that a wait on a stopped worker ends. */
  private stopped = new Alarm();

  constructor(
    private readonly factory: EndpointFactory,
    private readonly data: [unknown, unknown],
    private readonly workers = 2,
  ) {}

  /** Whether this platform can run the finder (it has coalition workers). */
  get available(): boolean {
    return this.factory.coalition !== undefined;
  }

  async find(
    scenario: Scenario,
    request: FinderRequest,
    geography: Geography,
    progress?: (p: FinderProgress) => void,
  ): Promise<FinderResult | null> {
    const token = ++this.token;
    const evaluator = await this.evaluator(scenario, request.forms, token);
    if (!evaluator) return null;
    return findCoalitions(
      {
        codes: scenario.members,
        forms: request.forms,
        constraints: request.constraints,
        geography,
        settings: request.settings,
      },
      evaluator,
      {
        progress: (p) => token === this.token && progress?.(p),
        cancelled: () => token !== this.token,
        // counting and splitting up to 2^20 subsets runs in this thread: the page's, in the app
        pause: nextTask,
      },
    ).catch((error: unknown) => {
      if (token !== this.token) return null;
      throw error;
    });
  }

  async share(
    scenario: Scenario,
    input: Omit<SharingInput, 'codes' | 'seed'>,
    forms: GroupForm[],
    progress?: (p: FinderProgress) => void,
  ): Promise<SharingResult | null> {
    const token = ++this.token;
    // keys divide the cost among members that stay: the analysis runs without member exits
    const evaluator = await this.evaluator(withoutExits(scenario), forms, token);
    if (!evaluator) return null;
    return analyseSharing({ ...input, codes: scenario.members, seed: scenario.seed }, evaluator, {
      progress: (p) => token === this.token && progress?.(p),
      cancelled: () => token !== this.token,
    }).catch((error: unknown) => {
      if (token !== this.token) return null;
      throw error;
    });
  }

  /** Stop the search or analysis in flight: its workers are stopped (their work is lost) and it answers null. */
  cancel(): void {
    this.token++;
    this.stopWorkers();
  }

  dispose(): void {
    this.cancel();
  }

  private stopWorkers(): void {
    this.stopped.raise(new Error('stopped'));
    this.stopped = new Alarm();
    for (const e of this.endpoints) e.terminate();
    this.endpoints = [];
    this.loaded = null;
  }

  /** Workers holding the scenario, as an evaluator that splits each batch between them. */
  private async evaluator(scenario: Scenario, forms: GroupForm[], token: number): Promise<SharingEvaluator | null> {
    const make = this.factory.coalition;
    if (!make) throw new Error('no coalition workers on this platform');
    const key = JSON.stringify([scenario, [...forms].sort()]);
    if (this.loaded !== key || this.endpoints.length === 0) {
      this.stopWorkers();
      this.endpoints = Array.from({ length: this.workers }, () => make());
      const stop = this.stopped;
      try {
        await Promise.all(
          this.endpoints.map(async (e) => {
            await answerOf(e.api.setData(...this.data), [e.broken, stop]);
            await answerOf(e.api.setScenario(scenario, forms), [e.broken, stop]);
          }),
        );
      } catch (error) {
        if (token !== this.token) return null;
        throw error;
      }
      if (token !== this.token) return null;
      this.loaded = key;
    }
    const endpoints = this.endpoints;
    const stop = this.stopped;
    return {
      evaluate: async (groups: number[][], runs: number, from = 0): Promise<GroupOutcome[]> => {
        // contiguous shares of the batch, one per worker; answers in the order asked
        const size = Math.ceil(groups.length / endpoints.length);
        const parts = await Promise.all(
          endpoints.map((e, k) => {
            const part = groups.slice(k * size, (k + 1) * size);
            return part.length > 0 ? answerOf(e.api.evaluate(part, runs, from), [e.broken, stop]) : Promise.resolve([]);
          }),
        );
        return parts.flat();
      },
      details: (group, form, runs) =>
        answerOf(endpoints[0].api.details(group, form, runs), [endpoints[0].broken, stop]),
    };
  }
}
