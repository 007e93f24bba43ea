/** Web Worker glue for the threshold search (src/engine/thresholds.ts). No logic here. */
import { expose } from 'comlink';
import {
  type AssumptionId,
  findThresholds,
  loadModel,
  type PathId,
  type ThresholdAnalysis,
} from '../src/engine/index.js';

let data: [unknown, unknown] | undefined;

const api = {
  setData(municipalities: unknown, capabilities: unknown): void {
    data = [municipalities, capabilities];
  },
  thresholds(
    scenario: unknown,
    inputs: Partial<Record<PathId, AssumptionId[]>>,
    runs: number,
    progress?: (done: number, total: number) => void,
  ): ThresholdAnalysis {
    if (!data) throw new Error('data not set');
    const model = loadModel(scenario, ...data);
    if (!model.ok) throw new Error(model.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    return findThresholds(
      model.value,
      inputs,
      runs,
      progress ? (done, total) => void progress(done, total) : undefined,
    );
  },
};

export type AnalysisApi = typeof api;
expose(api);
