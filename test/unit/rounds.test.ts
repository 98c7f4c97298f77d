import { describe, expect, it } from 'vitest';
import { Rounds } from '../../main/refund/rounds';

/** Rounds that wait for the test to end them, and a record of what each saw when it started. */
function gatedRounds() {
  const log: { key: string; saw: number }[] = [];
  const ends: (() => void)[] = [];
  let running = 0;
  let most = 0;
  const state = { value: 0 };
  const rounds = new Rounds(async (key) => {
    running += 1;
    most = Math.max(most, running);
    log.push({ key, saw: state.value });
    await new Promise<void>((resolve) => ends.push(resolve));
    running -= 1;
  });
  const endNext = async () => {
    ends.shift()?.();
    // Let the ended round's promise chain (and a queued round's start) run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { rounds, log, state, endNext, most: () => most, waiting: () => ends.length };
}

describe('rounds of a correction', () => {
  it('asked while a round runs: exactly one more round, right after it, that sees what changed meanwhile; never two at once', async () => {
    const g = gatedRounds();
    const first = g.rounds.run('c1');
    g.state.value = 1; // a retry writes a new refund number while the round runs
    const asked = [g.rounds.run('c1'), g.rounds.run('c1'), g.rounds.run('c1')];
    expect(asked[1]).toBe(asked[0]);
    expect(asked[2]).toBe(asked[0]);
    expect(g.log).toEqual([{ key: 'c1', saw: 0 }]);
    let settled = false;
    void asked[0]!.then(() => (settled = true));
    await g.endNext();
    await first;
    expect(g.log).toEqual([
      { key: 'c1', saw: 0 },
      { key: 'c1', saw: 1 },
    ]);
    expect(settled).toBe(false);
    await g.endNext();
    await Promise.all(asked);
    expect(g.log).toHaveLength(2);
    expect(g.most()).toBe(1);
    expect(g.waiting()).toBe(0);
  });

  it('asked when nothing runs: a round starts at once; other corrections are not held up', async () => {
    const g = gatedRounds();
    const one = g.rounds.run('c1');
    const two = g.rounds.run('c2');
    expect(g.log.map((l) => l.key)).toEqual(['c1', 'c2']);
    await g.endNext();
    await g.endNext();
    await Promise.all([one, two]);
    const again = g.rounds.run('c1');
    expect(g.log.map((l) => l.key)).toEqual(['c1', 'c2', 'c1']);
    await g.endNext();
    await again;
    expect(g.waiting()).toBe(0);
  });
});
