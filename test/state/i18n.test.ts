import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryOf, STRING_KEYS, t } from '../../src/i18n.js';

/** Where the UI is written: every text shown there comes from src/i18n (the lookup `t`). */
const UI_DIRS = ['src/components', 'src/app', 'src/charts'];
/** Files elsewhere whose texts are shown as they are: the working scenario's notices and names, the work limit. */
const UI_FILES = ['src/controllers/work-autosave.ts', 'src/state/working-scenario.ts', 'src/state/work-limit.ts'];

/** The files of the text tables and their lookup. */
const I18N_FILES = ['src/i18n.ts', ...readdirSync('src/i18n').map((f) => `src/i18n/${f}`)];

/**
 * Inline texts that stay in the code, each with the reason. An entry names the file and a piece of the line;
 * one that no longer matches anything fails too, so the list cannot outlive its reasons.
 */
const ALLOWED: { file: string; text: string; reason: string }[] = [
  {
    file: 'src/components/dm-header.ts',
    text: "lang === 'sv' ? 'en' : 'sv'",
    reason: 'the language button names the other language by its code, not a text',
  },
  {
    file: 'src/components/assumption-editor.ts',
    text: '`antagande: ändrat i arbetsytan (förval: ',
    reason: 'the source recorded in the scenario for an edited assumption: data, in Swedish like every source',
  },
  {
    file: 'src/app/overrides.ts',
    text: "const EDITED_SOURCE = 'ändrat i arbetsytan (Data och källor)';",
    reason: 'the source recorded in the scenario for an edited figure: data, in Swedish like every source',
  },
  {
    file: 'src/components/dm-chart.ts',
    text: '>SVG</button>',
    reason: 'the name of a file format, the same in both languages',
  },
  {
    file: 'src/components/dm-chart.ts',
    text: '>PNG</button>',
    reason: 'the name of a file format, the same in both languages',
  },
];

/** What gives away a text written in place: Swedish letters, a choice on the language, a bilingual object. */
const INLINE: { what: string; pattern: RegExp; words?: boolean }[] = [
  { what: 'Swedish letters', pattern: /[åäöÅÄÖ]/g },
  { what: 'a text chosen by language', pattern: /(?:\bsv|===\s*'(?:sv|en)')\s*\?\s*['"`]/g },
  { what: 'an inline { sv, en } text', pattern: /\b(?:sv|en)\s*:\s*['"`]/g },
  { what: 'text in HTML', pattern: /(?<![=-])>\s*[A-Za-zÅÄÖåäö][^<>`${}]*</g },
  { what: 'text in an attribute', pattern: /\b(?:aria-label|placeholder|title|alt)="[^"$]*[A-Za-z]/g },
  {
    what: 'a text property',
    pattern: /\b(?:title|label|description|text|message|caption|subtitle|note|placeholder)\s*:\s*('[^'\n]*'|`[^`]*`)/g,
    words: true,
  },
];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );

/** The code without its comments (kept line for line, so a finding keeps its line number). */
function withoutComments(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (_, before: string) => before);
}

/** Whether a literal's own text (values left out) reads as words: capitalised, or two words. */
const readsAsWords = (literal: string) =>
  /^[A-ZÅÄÖ]|[A-Za-zÅÄÖåäö]{2,}\s+[A-Za-zÅÄÖåäö]{2,}/.test(
    literal
      .slice(1, -1)
      .replace(/\$\{[^}]*\}/g, '')
      .trim(),
  );

/** Every place in `code` that looks like an inline UI text, as `file:line: the line`, less the allowed ones. */
function inlineTexts(file: string, code: string): string[] {
  const bare = withoutComments(code);
  const lines = code.split('\n');
  const found = new Map<number, string>();
  for (const { what, pattern, words } of INLINE) {
    for (const m of bare.matchAll(pattern)) {
      if (words && !readsAsWords(m[1])) continue;
      const line = bare.slice(0, m.index).split('\n').length;
      const text = lines[line - 1];
      if (ALLOWED.some((a) => a.file === file && text.includes(a.text))) continue;
      if (!found.has(line)) found.set(line, `${file}:${line}: ${what}: ${text.trim()}`);
    }
  }
  return [...found.values()];
}

describe('every user-visible text goes through i18n', () => {
  const files = [...UI_DIRS.flatMap(sourceFiles), ...UI_FILES];

  it('has no inline Swedish or English UI text in the components, the app, the charts or the notices', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => inlineTexts(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('notices an inline text of each kind', () => {
    const f = 'src/components/example.ts';
    expect(inlineTexts(f, `html\`<h2>\${t('summary', lang)}</h2>\``)).toEqual([]);
    expect(inlineTexts(f, 'html`<h2>Översikt</h2>`')).toHaveLength(1);
    expect(inlineTexts(f, 'html`<h2>Summary</h2>`')).toHaveLength(1);
    expect(inlineTexts(f, 'html`<button aria-label="Close">×</button>`')).toHaveLength(1);
    expect(inlineTexts(f, "({ title: 'Cost over time', label: 'share held' })")).toHaveLength(1);
    expect(inlineTexts(f, "({ label: 'fieldPupils', text: 'input' })")).toEqual([]);
    expect(inlineTexts(f, 'const f = (x: number) => x < 3;')).toEqual([]);
    expect(inlineTexts(f, `html\`<h2>\${lang === 'sv' ? 'Summa' : 'Sum'}</h2>\``)).toHaveLength(1);
    expect(inlineTexts(f, "const sv = lang === 'sv';\nconst x = sv\n  ? 'Summa'\n  : 'Sum';")).toHaveLength(1);
    expect(inlineTexts(f, "pick({ sv: 'Summa', en: 'Sum' }, lang)")).toHaveLength(1);
    expect(inlineTexts(f, '// Sammanfattning i en kommentar\n/* och här: å */')).toEqual([]);
  });

  it('allows only what is still there, each with a reason', () => {
    for (const a of ALLOWED) {
      expect(a.reason.length).toBeGreaterThan(20);
      expect(readFileSync(a.file, 'utf8')).toContain(a.text);
    }
  });
});

describe('the text tables', () => {
  it('give every key in both languages, of the same shape', () => {
    expect(STRING_KEYS.length).toBeGreaterThan(300);
    for (const key of STRING_KEYS) {
      const { sv, en } = entryOf(key);
      expect(typeof sv, key).toBe(typeof en);
      if (typeof sv === 'string') {
        expect(sv.trim(), key).not.toBe('');
        expect((en as string).trim(), key).not.toBe('');
      } else expect(sv.length, key).toBe((en as (...a: never[]) => string).length);
    }
  });

  it('define each key once across the area files', () => {
    const defined = I18N_FILES.filter((f) => f.startsWith('src/i18n/')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^ {2}(\w+): \{/gm)].map((m) => m[1]),
    );
    const twice = defined.filter((k, i) => defined.indexOf(k) !== i);
    expect(twice).toEqual([]);
    expect(new Set(defined)).toEqual(new Set(STRING_KEYS));
  });

  it('use every key somewhere outside the tables', () => {
    const code = sourceFiles('src')
      .filter((f) => !I18N_FILES.includes(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = STRING_KEYS.filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  it('fill in a text’s values', () => {
    expect(t('summary', 'sv')).toBe('Sammanfattning');
    expect(t('scenariosChosen', 'sv', 1)).toBe('1 scenario valt');
    expect(t('scenariosChosen', 'en', 3)).toBe('3 scenarios chosen');
  });
});
