import { kvs } from '@forge/kvs';
import { ForgeEmulator, VirtualClock } from '../../dev/emulator';
import { runCrowd } from '../../dev/harness/crowd';
import { WAITING_MS } from '../../src/domain/storage/gapless-sequence';

/** Emulated latency: every storage call takes `latencyMs` of the VirtualClock, and no wall-clock time. */
describe('per-call latency in emulated time', () => {
  it('sequential calls add up, concurrent calls overlap, and the quota windows see the emulated time', async () => {
    const clock = new VirtualClock();
    const emulator = new ForgeEmulator({ kvs: { latencyMs: 20 }, now: clock.now, sleep: clock.sleep }).install();
    try {
      const began = clock.nowMs();
      const wall = Date.now();
      await clock.run(
        (async () => {
          await kvs.set('a', 1);
          await kvs.get('a');
        })(),
      );
      expect(clock.nowMs() - began).toBe(40);
      await clock.run(Promise.all([kvs.get('a'), kvs.get('a'), kvs.set('b', 2)]));
      expect(clock.nowMs() - began).toBe(60);
      expect(await clock.run(kvs.get('b'))).toBe(2);
      expect(Date.now() - wall).toBeLessThan(2_000); // nothing waited 20 real ms per call
      expect(emulator.usage().roundTrips).toBe(4);
    } finally {
      emulator.uninstall();
    }
  });

  it('a sleeper wakes at its time, in order, while others work', async () => {
    const clock = new VirtualClock(0);
    const woke: Array<[string, number]> = [];
    const nap = async (name: string, ms: number) => {
      await clock.sleep(ms);
      woke.push([name, clock.nowMs()]);
    };
    await clock.run(Promise.all([nap('late', 300), nap('early', 100), nap('middle', 200)]));
    expect(woke).toEqual([
      ['early', 100],
      ['middle', 200],
      ['late', 300],
    ]);
  });

  it('a crowd of 50 admins at 20 ms a call: every admin gets exactly one receipt', async () => {
    const outcome = await runCrowd({ admins: 50, kvs: { latencyMs: 20 }, maxAttempts: 1 });
    expect(outcome).toMatchObject({ unfinished: 0, receipts: 51, oneEach: true });
    expect(outcome.emulatedMs).toBeGreaterThan(100);
  });

  it('a crowd of 300 admins: no call outlives a Forge function; the busy answer is retried to one receipt each', async () => {
    const outcome = await runCrowd({ admins: 300, kvs: { latencyMs: 20 } });
    expect(outcome).toMatchObject({ unfinished: 0, receipts: 301, oneEach: true });
    // Emulated time: a call that would wait past WAITING_MS answers "busy, retry" instead of timing out.
    expect(outcome.retries).toBeGreaterThan(0);
    expect(outcome.longestCallMs).toBeLessThan(WAITING_MS + 5_000);
    // Emulated time runs as fast as the machine: 300 admins take about a minute of real time on 2 cores.
  }, 300_000);
});
