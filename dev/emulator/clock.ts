/**
 * A clock the caller moves by hand: the emulator's quota windows and stored timestamps read it, and
 * `sleep` only moves it, so a test or the bench that waits out a 429 never waits for real.
 */
export class FakeClock {
  private current: number;

  constructor(start: Date | number = Date.parse('2026-06-01T09:00:00.000Z')) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now = (): Date => new Date(this.current);

  advance(ms: number): void {
    this.current += Math.max(0, ms);
  }

  /** A `sleep` that resolves at once after moving the clock. */
  sleep = (ms: number): Promise<void> => {
    this.advance(ms);
    return Promise.resolve();
  };
}

interface Timer {
  at: number;
  order: number;
  resolve: () => void;
}

/** Lets every pending promise callback and I/O callback run (a few turns of the event loop). */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 4; turn += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Emulated time for many concurrent callers: `sleep` waits until the clock reaches its end, and `run`
 * moves the clock to the next waiting sleeper whenever nothing else can run. So a crowd of 500 whose storage
 * calls each take 20 ms, and whose retries wait out a quota window, finishes in as many emulated minutes as
 * it would take on Forge, and in a few real seconds. Everything that waits must wait through `sleep`.
 */
export class VirtualClock {
  private current: number;
  private timers: Timer[] = [];
  private order = 0;

  constructor(start: Date | number = Date.parse('2026-06-01T09:00:00.000Z')) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now = (): Date => new Date(this.current);

  nowMs = (): number => this.current;

  sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      this.timers.push({ at: this.current + Math.max(0, ms), order: this.order++, resolve });
    });

  /** Runs `work` to its end, moving the clock from sleeper to sleeper while nothing else can run. */
  async run<T>(work: Promise<T>): Promise<T> {
    const state = { done: false };
    const finished = work.finally(() => {
      state.done = true;
    });
    finished.catch(() => undefined);
    for (;;) {
      await settle();
      if (state.done) break;
      const earliest = this.timers.reduce<Timer | undefined>(
        (best, timer) => (!best || timer.at < best.at ? timer : best),
        undefined,
      );
      if (!earliest) {
        // Something outside emulated time is pending (a real timer): let it run.
        await new Promise<void>((resolve) => setTimeout(resolve, 1));
        continue;
      }
      this.current = Math.max(this.current, earliest.at);
      const due = this.timers
        .filter((timer) => timer.at <= this.current)
        .sort((a, b) => a.at - b.at || a.order - b.order);
      this.timers = this.timers.filter((timer) => timer.at > this.current);
      for (const timer of due) timer.resolve();
    }
    return finished;
  }
}
