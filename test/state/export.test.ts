import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PATH_IDS, type Results, simulateAll } from '../../src/engine/index.js';
import {
  type CsvCell,
  formatCsvNumber,
  municipalityTable,
  parseCsv,
  resultsTable,
  toCsv,
  YEAR_METRICS,
  YEAR_STATS,
} from '../../src/export/csv.js';
import { PATH_LABEL } from '../../src/i18n.js';
import { model, scenarioWith } from '../helpers.js';

/** A number cell read back from a Swedish or English export. */
const num = (cell: string): number => Number(cell.replace(',', '.'));

/** Equal to 1e-6 relative (and exactly equal at zero). */
const expectClose = (actual: number, expected: number) => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.abs(expected));
};

/** Text as it should read back: with an apostrophe before a would-be formula. */
const neutralised = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe('CSV export of results', () => {
  const results: Results = simulateAll(
    model(
      scenarioWith((s) => {
        s.runs = 200;
        s.paths.omfordelning.enabled = false;
      }),
    ),
  );
  const enabled = PATH_IDS.filter((p) => results.paths[p].enabled);

  it('writes Swedish CSV: BOM, semicolons, decimal commas, CRLF', () => {
    const csv = toCsv(resultsTable(results, 'sv'), 'sv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.startsWith('\uFEFFpath;pathLabel;year;totalCost_mean;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const firstData = csv.split('\r\n')[1];
    expect(firstData.startsWith(`status-quo;${PATH_LABEL['status-quo'].sv};${results.years[0]};`)).toBe(true);
    expect(firstData).toMatch(/;\d+,\d+;/);
    expect(firstData).not.toMatch(/\d\.\d/);
    expect(firstData).not.toMatch(/\dE/i);
  });

  it('reads back every number of the results table', () => {
    const rows = parseCsv(toCsv(resultsTable(results, 'sv'), 'sv'));
    expect(enabled).not.toContain('omfordelning');
    expect(rows).toHaveLength(1 + enabled.length * results.years.length);
    const header = rows[0];
    expect(header).toHaveLength(3 + YEAR_METRICS.length * YEAR_STATS.length + 1);
    expect(header).toContain('totalCost_p50');
    expect(header.at(-1)).toBe('probCheaper');
    let r = 1;
    for (const path of enabled) {
      for (const year of results.paths[path].years) {
        const row = rows[r++];
        expect(row).toHaveLength(header.length);
        expect(row.slice(0, 3)).toEqual([path, PATH_LABEL[path].sv, String(year.year)]);
        for (const metric of YEAR_METRICS) {
          for (const stat of YEAR_STATS) expectClose(num(row[header.indexOf(`${metric}_${stat}`)]), year[metric][stat]);
        }
        const prob = row[header.indexOf('probCheaper')];
        if (year.probCheaper === null) expect(prob).toBe('');
        else expectClose(num(prob), year.probCheaper);
      }
    }
    expect(rows[1][header.indexOf('probCheaper')]).toBe('');
  });

  it('reads back the municipality table', () => {
    const rows = parseCsv(toCsv(municipalityTable(results, 'sv'), 'sv'));
    const members = results.scenario.members;
    expect(rows).toHaveLength(1 + enabled.length * members.length);
    const header = rows[0];
    expect(header.slice(0, 4)).toEqual(['code', 'name', 'path', 'pathLabel']);
    let r = 1;
    for (const path of enabled) {
      for (const m of results.paths[path].municipalities) {
        const row = rows[r++];
        expect(row.slice(0, 4)).toEqual([m.code, m.name, path, PATH_LABEL[path].sv]);
        expectClose(num(row[header.indexOf('horizonCost_p10')]), m.horizonCost.p10);
        expectClose(num(row[header.indexOf('horizonCost_p90')]), m.horizonCost.p90);
        expectClose(num(row[header.indexOf('npvVsStatusQuo_p50')]), m.npvVsStatusQuo.p50);
        expectClose(num(row[header.indexOf('finalDevelopmentCapacity_p50')]), m.finalDevelopmentCapacity.p50);
        expectClose(num(row[header.indexOf('finalCapacityGap_p50')]), m.finalCapacityGap.p50);
      }
    }
  });

  it('writes English CSV with commas and decimal points', () => {
    const csv = toCsv(resultsTable(results, 'en'), 'en');
    expect(csv.startsWith('\uFEFFpath,pathLabel,year,totalCost_mean,')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(1 + enabled.length * results.years.length);
    expect(rows[1][1]).toBe(PATH_LABEL['status-quo'].en);
    expect(rows[1][3]).toMatch(/^\d+(\.\d+)?$/);
    expectClose(Number(rows[1][3]), results.paths['status-quo'].years[0].totalCost.mean);
    expect(csv.split('\r\n')[1]).not.toContain(';');
  });
});

describe('toCsv', () => {
  it('neutralises text that a spreadsheet would run as a formula, but not numbers', () => {
    const rows: CsvCell[][] = [['=SUM(A1)', '+1', '-x', '@cmd', '\tx', 'ok', -12.5, null]];
    const csv = toCsv(rows, 'sv');
    expect(csv).toBe("\uFEFF'=SUM(A1);'+1;'-x;'@cmd;'\tx;ok;-12,5;\r\n");
    expect(parseCsv(csv)).toEqual([["'=SUM(A1)", "'+1", "'-x", "'@cmd", "'\tx", 'ok', '-12,5', '']]);
    expect(toCsv([['\rx', 1]], 'en')).toBe('\uFEFF"\'\rx",1\r\n');
    expect(toCsv([['-1', -1]], 'en')).toBe("\uFEFF'-1,-1\r\n");
  });

  it('quotes separators, quotes and line breaks so that they round-trip', () => {
    const name = 'Kommun; "Nya" AB\r\nrad två, och\nmer';
    for (const lang of ['sv', 'en'] as const) {
      const csv = toCsv(
        [
          ['code', 'name'],
          ['1480', name],
        ],
        lang,
      );
      expect(csv).toContain('"Kommun; ""Nya"" AB');
      expect(parseCsv(csv)).toEqual([
        ['code', 'name'],
        ['1480', name],
      ]);
    }
  });

  it('formats numbers without thousands separators or exponents', () => {
    expect(formatCsvNumber(1234.5, 'sv')).toBe('1234,5');
    expect(formatCsvNumber(1234.5, 'en')).toBe('1234.5');
    expect(formatCsvNumber(1234567890.1234567, 'sv')).toBe('1234567890,123457');
    expect(formatCsvNumber(2e9, 'sv')).toBe('2000000000');
    expect(formatCsvNumber(0.000123456789, 'en')).toBe('0.0001234568');
    expect(formatCsvNumber(0.1 + 0.2, 'en')).toBe('0.3');
    expect(formatCsvNumber(-0, 'sv')).toBe('0');
    expect(formatCsvNumber(1e-20, 'sv')).toBe('1E-20');
    expect(formatCsvNumber(Number.NaN, 'sv')).toBe('');
  });

  it('round-trips any table of strings and finite numbers', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('=1+1', "'=1", '+x', '-', '@', '\t', '\r\n', ';', ',', '"', "'", ' ', ''),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
    );
    const table = fc
      .integer({ min: 2, max: 6 })
      .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }));
    fc.assert(
      fc.property(table, fc.constantFrom('sv' as const, 'en' as const), (rows, lang) => {
        const back = parseCsv(toCsv(rows, lang));
        expect(back).toHaveLength(rows.length);
        rows.forEach((row, r) => {
          expect(back[r]).toHaveLength(row.length);
          row.forEach((value, c) => {
            const text = back[r][c];
            if (typeof value === 'number') {
              const x = num(text);
              expect(Math.abs(x - value)).toBeLessThanOrEqual(5e-7 * Math.abs(value) + 1e-300);
            } else {
              expect(text).toBe(neutralised(value));
            }
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});
