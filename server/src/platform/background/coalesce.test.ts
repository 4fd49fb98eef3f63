import { describe, expect, it } from 'vitest';
import { CoalescingRunner } from './coalesce.js';

describe('CoalescingRunner', () => {
  it('folds kicks that arrive during a pass into one follow-up pass', async () => {
    let passes = 0;
    let release: () => void = () => {};
    const runner = new CoalescingRunner(
      () =>
        new Promise<void>((resolve) => {
          passes += 1;
          release = resolve;
        }),
      () => {},
    );
    runner.kick();
    for (let i = 0; i < 50; i += 1) runner.kick();
    expect(passes).toBe(1);
    release();
    await new Promise((r) => setImmediate(r));
    expect(passes).toBe(2);
    release();
    await runner.idle();
    expect(passes).toBe(2);
  });

  it('reports a failed pass and keeps working', async () => {
    const errors: string[] = [];
    let calls = 0;
    const runner = new CoalescingRunner(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('disk full');
      },
      (error) => errors.push(error.message),
    );
    runner.kick();
    await runner.idle();
    runner.kick();
    await runner.idle();
    expect(errors).toEqual(['disk full']);
    expect(calls).toBe(2);
  });
});
