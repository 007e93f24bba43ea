/**
 * The Kapacitet (capacity) tab's charts: development capacity with today's budget and the unmet
 * development demand, per path over the years.
 */
import type { Results } from '../engine/index.js';
import { formatNumber, type Lang } from '../i18n.js';
import { fanChart } from './fan-chart.js';
import type { ChartSpec } from './spec.js';

/** The capacity tab's charts: development capacity and the capacity gap (fans). */
export function capacityCharts(results: Results, lang: Lang): ChartSpec[] {
  const sv = lang === 'sv';
  const fte = (x: number) => formatNumber(x, lang, 1);
  return [
    fanChart(results, lang, {
      id: 'development-capacity',
      metric: 'developmentCapacity',
      unit: 1,
      title: sv ? 'Utvecklingskapacitet med dagens budget' : 'Development capacity with today’s budget',
      description: sv
        ? 'Årsarbetare som budgeten räcker till för utveckling när den digitala motorn är hållen. Streckad linje: status quo.'
        : 'Full-time staff the budget buys for development once the digital engine is held. Dashed line: status quo.',
      yLabel: sv ? 'årsarbetare' : 'full-time staff',
      format: fte,
    }),
    fanChart(results, lang, {
      id: 'capacity-gap',
      metric: 'capacityGap',
      unit: 1,
      title: sv ? 'Ouppfyllt utvecklingsbehov' : 'Unmet development demand',
      description: sv
        ? 'Utvecklingsbehov som kommunerna inte har kapacitet till, summerat över kommunerna. Noll betyder att behovet täcks.'
        : 'Development demand the municipalities lack capacity for, summed over the municipalities. Zero means demand is met.',
      yLabel: sv ? 'årsarbetare' : 'full-time staff',
      format: fte,
      zeroLine: true,
    }),
  ];
}
