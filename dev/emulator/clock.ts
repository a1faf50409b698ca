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
