import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsvNumber } from '../../src/export/csv.js';
import { parseNumber } from '../../src/import/numbers.js';

const numberIn = (text: string): number => {
  const parsed = parseNumber(text);
  if ('error' in parsed) throw new Error(`”${text}”: ${parsed.error}`);
  return parsed.value;
};

/** Every double, formatted with enough digits to identify it (17 significant). */
const sv = new Intl.NumberFormat('sv-SE', { maximumSignificantDigits: 17 });
const en = new Intl.NumberFormat('en', { maximumSignificantDigits: 17, useGrouping: false });
const enScientific = new Intl.NumberFormat('en', { maximumSignificantDigits: 17, notation: 'scientific' });
const anyNumber = fc.double({ noNaN: true, noDefaultInfinity: true });

/** Characters that can occur in a number: digits, group spaces, decimal marks, exponent, signs, percent. */
const NUMBER_CHARS = /^[\d \u00a0\u202f\u2009.,eE+\-\u2212\u2013%\s]*$/;

describe('parseNumber', () => {
  it('reads what people and spreadsheets write', () => {
    expect(parseNumber('1 234,5')).toEqual({ value: 1234.5, percent: false });
    expect(parseNumber(' 1234.5 ')).toEqual({ value: 1234.5, percent: false });
    expect(numberIn('14\u00a0500\u00a0000,5')).toBe(14_500_000.5);
    expect(numberIn('1\u202f000')).toBe(1000);
    expect(numberIn('1\u2009000')).toBe(1000);
    expect(numberIn('−0,99')).toBe(-0.99);
    expect(numberIn('–3')).toBe(-3);
    expect(numberIn('+7')).toBe(7);
    expect(numberIn('1,5E-16')).toBe(1.5e-16);
    expect(numberIn('1.')).toBe(1);
    expect(numberIn(',5')).toBe(0.5);
    // a single , or . is a decimal mark
    expect(numberIn('1,234')).toBe(1.234);
    expect(parseNumber('30 %')).toEqual({ value: 30, percent: true });
    expect(parseNumber('0,5%')).toEqual({ value: 0.5, percent: true });
  });

  it('refuses text that is not a number, and numbers too large for a double', () => {
    for (const junk of [
      '',
      ' ',
      'abc',
      '%',
      '.',
      ',',
      'e5',
      '1e',
      '--1',
      '1,234.5',
      '1.234,5',
      '1 23',
      '12 34',
      '1_000',
    ]) {
      expect(parseNumber(junk), junk).toMatchObject({ error: `”${junk}” är inte ett tal` });
    }
    expect(parseNumber('abc %')).toEqual({ error: '”abc %” är inte ett tal', percent: true });
    expect(parseNumber('1e400')).toEqual({ error: '”1e400” är för stort', percent: false });
    expect(parseNumber('-1e309')).toMatchObject({ error: '”-1e309” är för stort' });
  });

  it('gives back any number written in Swedish (grouped, decimal comma, Unicode minus)', () => {
    fc.assert(
      fc.property(anyNumber, (x) => {
        expect(numberIn(sv.format(x))).toBe(x);
      }),
    );
  });

  it('gives back any number written in English without grouping, also in exponent form', () => {
    fc.assert(
      fc.property(anyNumber, (x) => {
        expect(numberIn(en.format(x))).toBe(x);
        expect(numberIn(enScientific.format(x))).toBe(x);
        expect(numberIn(enScientific.format(x).replace('.', ','))).toBe(x);
      }),
    );
  });

  it('gives back any number as the CSV export writes it, up to its rounding', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }),
        fc.constantFrom<'sv' | 'en'>('sv', 'en'),
        (x, lang) => {
          const y = numberIn(formatCsvNumber(x, lang));
          expect(Math.abs(y - x)).toBeLessThanOrEqual(5e-7 * Math.abs(x) + 5e-7);
        },
      ),
    );
  });

  it('reads a percentage as its number, flagged', () => {
    fc.assert(
      fc.property(anyNumber, fc.constantFrom('%', ' %', '\u00a0%'), (x, sign) => {
        expect(parseNumber(`${sv.format(x)}${sign}`)).toEqual({ value: x, percent: true });
      }),
    );
  });

  it('refuses any text with a character that no number has', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }).filter((s) => !NUMBER_CHARS.test(s)),
        (junk) => {
          const parsed = parseNumber(junk);
          expect('error' in parsed, JSON.stringify(junk)).toBe(true);
        },
      ),
    );
  });

  it('never throws, and reads a number only from digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 \u00a0.,eE+-−–%x'), maxLength: 14 }), (text) => {
        const parsed = parseNumber(text);
        if ('value' in parsed) {
          expect(/\d/.test(text)).toBe(true);
          expect(Number.isFinite(parsed.value)).toBe(true);
        }
      }),
    );
  });
});
