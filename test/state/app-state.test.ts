import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/scenarios.js';
import { initialState, parts } from '../../src/state/app-state.js';

describe('parts', () => {
  const state = initialState(structuredClone(SCENARIOS[0]));

  it('gives the same object while the chosen parts are the same, so a container does not re-render', () => {
    const select = parts('lang', 'scenario');
    const first = select(state);
    expect(first).toEqual({ lang: state.lang, scenario: state.scenario });
    // a partial result changes the run, not the chosen parts
    const progressed = produce(state, (d) => {
      d.run.done = 100;
    });
    expect(select(progressed)).toBe(first);
  });

  it('gives a new object when one chosen part changes', () => {
    const select = parts('lang', 'scenario');
    const first = select(state);
    const english = produce(state, (d) => {
      d.lang = 'en';
    });
    const next = select(english);
    expect(next).not.toBe(first);
    expect(next.lang).toBe('en');
    const edited = produce(english, (d) => {
      d.scenario.runs = 500;
    });
    expect(select(edited).scenario.runs).toBe(500);
  });
});
