/**
 * Waits on a worker (src/runner/endpoint.ts): `answerOf` ends with the answer, the first alarm raised, or
 * the timeout, and once settled leaves no listener on any alarm, so nothing long-lived holds an answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Alarm, answerOf } from '../../src/runner/endpoint.js';

describe('a wait on a worker', () => {
  it('ends with the answer, the first alarm or the timeout, and lets go of every alarm (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('answer', 'error', 'alarm', 'timeout', 'raised before'),
        fc.integer({ min: 1, max: 3 }),
        fc.nat(),
        async (ending, alarmCount, which) => {
          const alarms = Array.from({ length: alarmCount }, () => new Alarm());
          if (ending === 'raised before') alarms[which % alarmCount].raise(new Error('broke earlier'));
          let answer: (value: string) => void = () => {};
          let refuse: (error: Error) => void = () => {};
          const call = new Promise<string>((resolve, reject) => {
            answer = resolve;
            refuse = reject;
          });
          const wait = answerOf(call, alarms, ending === 'timeout' ? 5 : 60_000);
          if (ending !== 'raised before') for (const a of alarms) expect(a.listening).toBe(1);
          if (ending === 'answer') answer('42');
          if (ending === 'error') refuse(new Error('failed'));
          if (ending === 'alarm') alarms[which % alarmCount].raise(new Error('broke'));
          const outcome = await wait.then(
            (value) => value,
            (error: Error) => error.message,
          );
          const expected = {
            answer: '42',
            error: 'failed',
            alarm: 'broke',
            timeout: 'worker did not answer in 0 s',
            'raised before': 'broke earlier',
          }[ending];
          expect(outcome).toBe(expected);
          for (const a of alarms) expect(a.listening).toBe(0);
          // a late answer or alarm changes nothing
          answer('late');
          alarms[0].raise(new Error('late'));
          expect(await wait.catch((error: Error) => error.message)).toBe(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});
