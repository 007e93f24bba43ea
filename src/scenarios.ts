import dalsland from '../scenarios/dalsland.json';
import fyrbodal from '../scenarios/fyrbodal.json';
import fyrbodalMap from '../scenarios/fyrbodal-formagekarta.json';
import smlIt from '../scenarios/sml-it.json';
import trestad from '../scenarios/trestad.json';
import type { Scenario } from './engine/index.js';

/**
 * The shipped scenarios, bundled with the app; the first is the default. Validated when loaded. The last is
 * an example with an invented capability map (`capabilityMap.example`, made by
 * src/cli/example-capability-map.ts), never any kommun's assessment.
 */
export const SCENARIOS: Scenario[] = [fyrbodal, dalsland, trestad, smlIt, fyrbodalMap] as unknown as Scenario[];
export const DEFAULT_SCENARIO = SCENARIOS[0];
