import { describe, expect, it } from 'vitest';
import type { Capability, Municipality } from '../../src/engine/index.js';
import { describeIssue } from '../../src/state/issue-text.js';
import { toStored } from '../../src/state/saved-scenarios.js';
import { canonical, keptName, readWork, WORK_ID, workEntry } from '../../src/state/working-scenario.js';
import { readJson, scenarioWith } from '../helpers.js';

const profiles = readJson('public/data/municipalities.json') as Municipality[];
const catalogue = readJson('public/data/capabilities.json') as Capability[];
const data = { municipalities: profiles, capabilities: catalogue };

/** What IndexedDB gives back: a structured clone of what was stored. */
const storedAndRead = (value: unknown) => structuredClone(value);

/** A working scenario with every optional part: own profiles, own capabilities, correlations. */
const edited = () =>
  scenarioWith((s) => {
    s.runs = 1234;
    s.seed = 99;
    s.members = s.members.slice(0, 5);
    s.profiles = [{ ...(profiles.find((m) => m.code === '1438') as Municipality), itCost: 14_500_000.5 }];
    s.capabilities = [{ ...catalogue[0], fteAtRef: catalogue[0].fteAtRef * 2 }];
    s.correlations = [{ a: 'wageGrowth', b: 'inflation', rho: 0.5 }];
  });

describe('the working scenario kept in the browser', () => {
  it('comes back as it was stored: own profiles, capabilities and correlations too', () => {
    const scenario = edited();
    const read = readWork(storedAndRead(toStored(workEntry(scenario))), data);
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    expect(read.entry.id).toBe(WORK_ID);
    expect(read.entry.scenario).toEqual(scenario);
    expect(canonical(read.entry.scenario)).toBe(canonical(scenario));
  });

  it('keeps fields of a newer version when it is stored again', () => {
    const raw = { ...(toStored(workEntry(edited())) as object), tags: ['ny'] } as Record<string, unknown>;
    (raw.scenario as Record<string, unknown>).budgetCeiling = 5_000_000;
    const read = readWork(storedAndRead(raw), data);
    expect(read.status).toBe('ok');
    if (read.status !== 'ok') return;
    const again = toStored({ ...read.entry, scenario: { ...read.entry.scenario, seed: 7 } }) as Record<string, never>;
    expect(again.tags).toEqual(['ny']);
    expect((again.scenario as Record<string, unknown>).budgetCeiling).toBe(5_000_000);
    expect((again.scenario as Record<string, unknown>).seed).toBe(7);
  });

  it('says nothing is stored when nothing is', () => {
    expect(readWork(undefined, data).status).toBe('none');
  });

  it('never throws on damaged content, and names the problem by the field’s label', () => {
    const bad = toStored(workEntry(scenarioWith((s) => (s.horizonYears = 500)))) as Record<string, unknown>;
    for (const raw of [null, 42, 'text', [], {}, { scenario: 'x' }, { ...bad, savedAt: 3 }, bad]) {
      const read = readWork(raw, data);
      expect(read.status).toBe('unreadable');
    }
    const read = readWork(bad, data);
    if (read.status !== 'unreadable') throw new Error('expected unreadable');
    expect(read.issue?.path).toBe('scenario.horizonYears');
    const text = describeIssue(read.issue!, 'sv', { scenario: (bad as { scenario: unknown }).scenario });
    expect(text).toContain('År framåt');
    // an entry whose scenario is fine but whose envelope is damaged says so in words
    const envelope = readWork({ ...(toStored(workEntry(edited())) as object), savedAt: 3 }, data);
    if (envelope.status !== 'unreadable') throw new Error('expected unreadable');
    expect(envelope.issue).toBeNull();
    expect(envelope.reason.sv).toContain('datumet');
  });

  it('counts a scenario that does not fit the data as unreadable, naming why', () => {
    const raw = toStored(workEntry(scenarioWith((s) => (s.members = [...s.members, '9999']))));
    const read = readWork(raw, data);
    expect(read.status).toBe('unreadable');
    if (read.status !== 'unreadable') return;
    expect(read.issue?.path).toMatch(/^scenario\.members/);
    // without the data only the schema is checked
    expect(readWork(raw).status).toBe('ok');
  });

  it('a newer version’s format is reported as such', () => {
    const raw = toStored(workEntry(edited())) as { scenario: Record<string, unknown> };
    raw.scenario.schemaVersion = 99;
    const read = readWork(raw, data);
    if (read.status !== 'unreadable') throw new Error('expected unreadable');
    expect(read.issue).toBeNull();
    expect(read.reason.sv).toContain('nyare version');
  });

  it('compares scenarios whatever their key order', () => {
    expect(canonical({ a: 1, b: { c: 2, d: [1, { e: 1, f: 2 }] } })).toBe(
      canonical({ b: { d: [1, { f: 2, e: 1 }], c: 2 }, a: 1 }),
    );
    expect(keptName(new Date(2026, 0, 2, 3, 4))).toBe('Tidigare arbete (2026-01-02 03:04)');
  });
});
