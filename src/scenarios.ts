import dalsland from '../scenarios/dalsland.json';
import fyrbodal from '../scenarios/fyrbodal.json';
import smlIt from '../scenarios/sml-it.json';
import trestad from '../scenarios/trestad.json';
import type { Scenario } from './engine/index.js';

/** The shipped scenarios, bundled with the app; the first is the default. Validated when loaded. */
export const SCENARIOS: Scenario[] = [fyrbodal, dalsland, trestad, smlIt] as unknown as Scenario[];
export const DEFAULT_SCENARIO = SCENARIOS[0];
