import { PATH_IDS, type PathId, type Results } from '../engine/index.js';
import { formatNumber, formatPercent, type Lang, PATH_LABEL, pick } from '../i18n.js';

/** How likely, in words, for a probability p (sv/en). Thresholds: 0.9, 0.7, 0.3, 0.1. */
export function likelihood(p: number, lang: Lang): string {
  const sv = lang === 'sv';
  if (p >= 0.9) return sv ? 'mycket sannolikt' : 'very likely';
  if (p >= 0.7) return sv ? 'sannolikt' : 'likely';
  if (p > 0.3) return sv ? 'lika gärna som inte' : 'about as likely as not';
  if (p > 0.1) return sv ? 'osannolikt' : 'unlikely';
  return sv ? 'mycket osannolikt' : 'very unlikely';
}

const mnkr = (x: number, lang: Lang) =>
  `${formatNumber(Math.abs(x) / 1e6, lang, 0)} ${lang === 'sv' ? 'mnkr' : 'SEK m'}`;
/** "8 fall av 10" in plain words. */
const inTen = (p: number, lang: Lang) => {
  const n = Math.round(p * 10);
  return lang === 'sv' ? `${n} fall av 10` : `${n} cases in 10`;
};

/**
 * Three to six plain sentences stating the result and its uncertainty, generated from the results
 * only (no claim the numbers do not carry): status quo's cost, the cheapest path with its 80 % interval
 * and probability, the other paths, development capacity and robustness.
 */
export function summarySentences(results: Results, lang: Lang): string[] {
  const sv = lang === 'sv';
  const last = results.years.length - 1;
  const year = results.years[last];
  const sq = results.paths['status-quo'];
  const sqLast = sq.years[last].totalCost;
  const label = (p: PathId) => pick(PATH_LABEL[p], lang);
  const lower = (p: PathId) => (sv ? label(p).toLowerCase() : label(p));
  const paths = PATH_IDS.filter((p) => p !== 'status-quo' && results.paths[p].enabled);
  const sentences: string[] = [];
  sentences.push(
    sv
      ? `Med status quo kostar IT för de ${results.scenario.members.length} kommunerna ${mnkr(sq.years[0].totalCost.p50, lang)} år ${results.years[0]} och ${mnkr(sqLast.p50, lang)} år ${year} i fasta priser (i 8 fall av 10 mellan ${mnkr(sqLast.p10, lang)} och ${mnkr(sqLast.p90, lang)}).`
      : `With status quo, IT for the ${results.scenario.members.length} municipalities costs ${mnkr(sq.years[0].totalCost.p50, lang)} in ${results.years[0]} and ${mnkr(sqLast.p50, lang)} in ${year} at fixed prices (in 8 cases in 10 between ${mnkr(sqLast.p10, lang)} and ${mnkr(sqLast.p90, lang)}).`,
  );
  if (paths.length === 0) return sentences;
  const ranked = [...paths].sort((a, b) => results.paths[a].npvVsStatusQuo.p50 - results.paths[b].npvVsStatusQuo.p50);
  const best = ranked[0];
  const b = results.paths[best];
  const n = b.npvVsStatusQuo;
  const horizon = results.years.length;
  if (n.p50 < 0) {
    sentences.push(
      sv
        ? `Över ${horizon} år blir ${lower(best)} ${likelihood(b.probCheaper ?? 0, lang)} billigare än status quo: i median ${mnkr(n.p50, lang)} lägre kostnad i nuvärde, i 8 fall av 10 mellan ${n.p90 < 0 ? `${mnkr(n.p90, lang)} och ${mnkr(n.p10, lang)} lägre` : `${mnkr(n.p10, lang)} lägre och ${mnkr(n.p90, lang)} högre`}; billigare i ${inTen(b.probCheaper ?? 0, lang)}.`
        : `Over ${horizon} years ${lower(best)} is ${likelihood(b.probCheaper ?? 0, lang)} to be cheaper than status quo: a median ${mnkr(n.p50, lang)} lower cost in present value, in 8 cases in 10 between ${n.p90 < 0 ? `${mnkr(n.p90, lang)} and ${mnkr(n.p10, lang)} lower` : `${mnkr(n.p10, lang)} lower and ${mnkr(n.p90, lang)} higher`}; cheaper in ${inTen(b.probCheaper ?? 0, lang)}.`,
    );
  } else {
    sentences.push(
      sv
        ? `Inget av vägvalen blir sannolikt billigare än status quo över ${horizon} år; minst merkostnad har ${lower(best)}, i median ${mnkr(n.p50, lang)} i nuvärde.`
        : `None of the paths is likely to be cheaper than status quo over ${horizon} years; ${lower(best)} adds least, a median ${mnkr(n.p50, lang)} in present value.`,
    );
  }
  const others = ranked.slice(1);
  if (others.length > 0) {
    const parts = others.map((p) => {
      const r = results.paths[p];
      const m = r.npvVsStatusQuo.p50;
      const direction = m < 0 ? (sv ? 'billigare' : 'cheaper') : sv ? 'dyrare' : 'dearer';
      return sv
        ? `${lower(p)} ${mnkr(m, lang)} ${direction} (billigare i ${inTen(r.probCheaper ?? 0, lang)})`
        : `${lower(p)} ${mnkr(m, lang)} ${direction} (cheaper in ${inTen(r.probCheaper ?? 0, lang)})`;
    });
    sentences.push(sv ? `I median blir ${parts.join(', ')}.` : `In the median, ${parts.join(', ')}.`);
  }
  const capacity = (p: PathId) => results.paths[p].years[last].developmentCapacity.p50;
  const mostCapacity = [...paths].sort((a, c) => capacity(c) - capacity(a))[0];
  sentences.push(
    sv
      ? `Med dagens budget räcker pengarna år ${year} till ${formatNumber(capacity('status-quo'), lang, 0)} årsarbetare för utveckling med status quo och ${formatNumber(capacity(mostCapacity), lang, 0)} med ${lower(mostCapacity)}.`
      : `With today's budget, the money in ${year} pays for ${formatNumber(capacity('status-quo'), lang, 0)} full-time staff for development with status quo and ${formatNumber(capacity(mostCapacity), lang, 0)} with ${lower(mostCapacity)}.`,
  );
  const robust = (p: PathId) => results.paths[p].years[last].robustCoverage.mean;
  const mostRobust = [...paths].sort((a, c) => robust(c) - robust(a))[0];
  sentences.push(
    sv
      ? `Andelen förmågor som inte hänger på en enda person är ${formatPercent(robust('status-quo'), lang)} med status quo och ${formatPercent(robust(mostRobust), lang)} med ${lower(mostRobust)}.`
      : `The share of capabilities that do not hang on a single person is ${formatPercent(robust('status-quo'), lang)} with status quo and ${formatPercent(robust(mostRobust), lang)} with ${lower(mostRobust)}.`,
  );
  sentences.push(
    sv
      ? `Siffrorna bygger på ${formatNumber(results.runsDone, lang)} simuleringar av antagandena nedan; erfarenheten av kommunal samverkan är att den oftare ger kapacitet än lägre kostnader (Statskontoret 2023).`
      : `The figures rest on ${formatNumber(results.runsDone, lang)} simulations of the assumptions below; experience of municipal collaboration is that it more often brings capacity than lower costs (Statskontoret 2023).`,
  );
  return sentences.slice(0, 6);
}
