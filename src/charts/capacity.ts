/**
 * The Kapacitet (capacity) tab's charts: development capacity with today's budget and the unmet
 * development demand, per path over the years.
 */
import type { Results } from '../engine/index.js';
import { formatNumber, type Lang, t } from '../i18n.js';
import { fanChart } from './fan-chart.js';
import type { ChartSpec } from './spec.js';

/** The capacity tab's charts: development capacity and the capacity gap (fans). */
export function capacityCharts(results: Results, lang: Lang): ChartSpec[] {
  const fte = (x: number) => formatNumber(x, lang, 1);
  return [
    fanChart(results, lang, {
      id: 'development-capacity',
      metric: 'developmentCapacity',
      unit: 1,
      title: t('developmentCapacityWithToday', lang),
      description: t('fullTimeStaffThe', lang),
      yLabel: t('fullTimeStaff', lang),
      format: fte,
    }),
    fanChart(results, lang, {
      id: 'capacity-gap',
      metric: 'capacityGap',
      unit: 1,
      title: t('unmetDevelopmentDemand', lang),
      description: t('developmentDemandTheMunicipalities', lang),
      yLabel: t('fullTimeStaff', lang),
      format: fte,
      zeroLine: true,
    }),
  ];
}
