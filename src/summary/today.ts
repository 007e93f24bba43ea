/**
 * Status quo's two questions kept apart, in plain words (docs/model.md §14): what today's organisation
 * costs and holds, and what closing the gap to the catalogue's full engine costs alone and on each path.
 * Says which figures are the kommuner's own and which are derived. Reads finished results and the
 * scenario; no model logic here.
 */
import { PATH_IDS, type PathId, type Results, type Scenario } from '../engine/index.js';
import { formatNumber, type Lang, PATH_LABEL, pick } from '../i18n.js';

export interface TodayFigures {
  members: number;
  /** Start-year IT budget of all members (SEK), and how many members gave their own IT cost. */
  budget: number;
  ownCost: number;
  /** Members with their own IT staff figure, and with a capability map. */
  ownStaff: number;
  mapped: number;
  /** Whether the map is invented example values. */
  example: boolean;
  /** Status quo in the start year: capabilities held and held robustly, mean per member, of `capabilities`. */
  held: number;
  robust: number;
  capabilities: number;
  /**
   * Mean per year over the horizon of (the path's need-driven cost − the members' budget), SEK: what the
   * full engine costs beyond today's money, alone (status quo) and on each enabled path.
   */
  beyondBudget: Partial<Record<PathId, number>>;
  /**
   * Status quo, kommun by kommun: how many members' full engine alone costs more than their own budget
   * (mean over the horizon), and the sum of those excesses (SEK per year) — the total above nets them
   * against the members with money to spare.
   */
  shortMembers: number;
  shortSum: number;
  /** Members with a capability map but no IT cost of their own: their budget is derived, not theirs. */
  mappedWithoutCost: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The figures of the two questions from finished results (means over runs). */
export function todayFigures(results: Results, scenario: Scenario, capabilities: number): TodayFigures {
  const codes = new Set(results.scenario.members.map((m) => m.code));
  const own = (scenario.profiles ?? []).filter((p) => codes.has(p.code));
  const map = scenario.capabilityMap;
  const sq = results.paths['status-quo'];
  const budgets = sq.years.map((y) => y.budget.mean);
  const beyondBudget: Partial<Record<PathId, number>> = {};
  for (const path of PATH_IDS) {
    const p = results.paths[path];
    if (path !== 'status-quo' && !p.enabled) continue;
    beyondBudget[path] = mean(p.years.map((y, t) => y.totalCost.mean - budgets[t]));
  }
  let shortMembers = 0;
  let shortSum = 0;
  for (const m of sq.municipalities) {
    const excess = mean(m.years.map((y) => y.totalCost - y.budget));
    if (excess > 0.5e6) {
      shortMembers++;
      shortSum += excess;
    }
  }
  const ownCostCodes = new Set(own.filter((p) => p.itCost !== null && p.itCost !== undefined).map((p) => p.code));
  const mappedWithoutCost = map
    ? Object.keys(map.members).filter((code) => codes.has(code) && !ownCostCodes.has(code)).length
    : 0;
  return {
    shortMembers,
    shortSum,
    mappedWithoutCost,
    members: codes.size,
    budget: budgets[0],
    ownCost: own.filter((p) => p.itCost !== null && p.itCost !== undefined).length,
    ownStaff: own.filter((p) => p.itStaff !== null && p.itStaff !== undefined).length,
    mapped: map ? Object.keys(map.members).filter((code) => codes.has(code)).length : 0,
    example: map?.example === true,
    held: sq.years[0].coverage.mean * capabilities,
    robust: sq.years[0].robustCoverage.mean * capabilities,
    capabilities,
    beyondBudget,
  };
}

/** "3 av 14" / "3 of 14"; "alla 14" / "all 14"; "ingen" / "none". */
function share(n: number, of: number, lang: Lang): string {
  if (n === 0) return lang === 'sv' ? 'ingen' : 'none';
  if (n === of) return lang === 'sv' ? `alla ${of}` : `all ${of}`;
  return lang === 'sv' ? `${n} av ${of}` : `${n} of ${of}`;
}

const money = (x: number, lang: Lang) =>
  `${formatNumber(Math.abs(x) / 1e6, lang, 0)} ${lang === 'sv' ? 'mnkr' : 'SEK m'}`;

/** What the full engine costs beyond (or below) today's budget, per year. */
function beyond(x: number, lang: Lang): string {
  if (Math.abs(x) < 0.5e6) return lang === 'sv' ? 'ungefär dagens budget' : 'about today’s budget';
  const more = x > 0;
  return lang === 'sv'
    ? `${money(x, lang)} per år ${more ? 'mer' : 'mindre'} än dagens budget`
    : `${money(x, lang)} a year ${more ? 'more' : 'less'} than today’s budget`;
}

/** Two or three sentences: today's organisation, the gap alone and on each path, and the map's status. */
export function todaySentences(f: TodayFigures, lang: Lang): string[] {
  const sv = lang === 'sv';
  const n = (x: number) => formatNumber(x, lang, 0);
  // own for all, own for some and derived for the others, or derived for all
  const source = (own: number, ownText: [string, string], derivedAll: [string, string]) => {
    const [ownSv, ownEn] = ownText;
    if (own === 0) return sv ? derivedAll[0] : derivedAll[1];
    if (own === f.members)
      return sv ? `${ownSv} för ${share(own, f.members, lang)}` : `${ownEn} for ${share(own, f.members, lang)}`;
    return sv
      ? `${ownSv} för ${share(own, f.members, lang)}, härlett för övriga`
      : `${ownEn} for ${share(own, f.members, lang)}, derived for the others`;
  };
  const costSource = source(
    f.ownCost,
    ['egen uppgift', 'own figure'],
    ['härledd per invånare för alla, ingen egen uppgift', 'derived per inhabitant for all, no own figure'],
  );
  const heldSource = source(
    f.mapped,
    ['enligt förmågekartan', 'from the capability map'],
    ['härlett ur budgeten, ingen förmågekarta', 'derived from the budget, no capability map'],
  );
  const today = sv
    ? `I dag: kommunernas IT-budget är ${money(f.budget, lang)} per år (${costSource}). En kommun håller i snitt ${n(f.held)} av ${f.capabilities} förmågor, ${n(f.robust)} av dem robust (${heldSource}).`
    : `Today: the kommuner's IT budget is ${money(f.budget, lang)} a year (${costSource}). A kommun holds on average ${n(f.held)} of ${f.capabilities} capabilities, ${n(f.robust)} of them robustly (${heldSource}).`;
  const alone = f.beyondBudget['status-quo'] ?? 0;
  // each path's amount; its direction named only where it differs from the full engine alone's
  const side = (x: number) => (Math.abs(x) < 0.5e6 ? 0 : Math.sign(x));
  const paths = PATH_IDS.filter((p) => p !== 'status-quo' && f.beyondBudget[p] !== undefined).map((p) => {
    const x = f.beyondBudget[p] as number;
    const name = pick(PATH_LABEL[p], lang).toLowerCase();
    return side(x) === side(alone) && side(x) !== 0 ? `${name} ${money(x, lang)}` : `${name} ${beyond(x, lang)}`;
  });
  // kommun by kommun: the total nets the members short of money against those with money to spare
  const capital = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  const explain =
    f.shortMembers > 0
      ? sv
        ? ` Kommun för kommun saknar ${share(f.shortMembers, f.members, lang)} kommuner tillsammans ${money(f.shortSum, lang)} per år till hela motorn: förmågor som saknas i dag eller som katalogen räknar dyrare än kommunerna. Ett vägval som är billigare än hela motorn på egen hand kan ändå kosta mer än i dag.`
        : ` Kommun by kommun, ${share(f.shortMembers, f.members, lang)} kommuner together lack ${money(f.shortSum, lang)} a year for the full engine: capabilities missing today or priced higher by the catalogue than by the kommuner. A path cheaper than the full engine alone may still cost more than today.`
      : '';
  const gap = sv
    ? `Hela motorn – alla förmågor på den nivå volymen kräver – kostar på egen hand ${beyond(alone, lang)} i snitt över perioden${paths.length > 0 ? `; med ${paths.join(', med ')}` : ''}.${explain}`
    : `The full engine – every capability at the level its volume needs – costs on its own ${beyond(alone, lang)} on average over the period${paths.length > 0 ? `; with ${paths.join(', with ')}` : ''}.${explain}`;
  const derivedBudget =
    f.mappedWithoutCost === 0
      ? ''
      : sv
        ? ` ${capital(share(f.mappedWithoutCost, f.members, lang))} kommuner har en förmågekarta men ingen egen IT-kostnad: deras budget är härledd per invånare och kan vara för liten för det kartan säger att de håller – modellen håller det ändå och lämnar då inget till utveckling. Ange deras IT-kostnad.`
        : ` ${capital(share(f.mappedWithoutCost, f.members, lang))} kommuner have a capability map but no IT cost of their own: their budget is derived per inhabitant and may be too small for what the map says they hold — the model holds it anyway and then leaves nothing for development. Give their IT cost.`;
  const out = [today, `${gap}${derivedBudget}`];
  if (f.example)
    out.push(
      sv
        ? 'Förmågekartan i detta scenario är påhittade exempelvärden, inte någon kommuns bedömning.'
        : "The capability map in this scenario is invented example values, not any kommun's assessment.",
    );
  return out;
}
