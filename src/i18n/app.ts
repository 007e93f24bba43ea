import type { Entry } from './entry.js';

/** The page frame: skip link, the workspace's aside, the footer. */
export const APP_STRINGS = {
  skipToTheResults: { sv: 'Hoppa till resultaten', en: 'Skip to the results' },
  scenario: { sv: 'Scenario', en: 'Scenario' },
  accessibilityStatementSwedish: { sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement (Swedish)' },
} satisfies Record<string, Entry>;
