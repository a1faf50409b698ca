/**
 * Injected failures. A matching call fails before it reaches storage (nothing is written):
 * - 'rate-limit'   → 429, body `{code:'RATE_LIMIT_EXCEEDED', message}`, header `Retry-After`;
 * - 'server-error' → 503, body `{code:'SERVICE_UNAVAILABLE', message}`;
 * - 'timeout'      → the fetch promise rejects with an `EmulatedTimeoutError` (`name === 'TimeoutError'`);
 * - 'hang'         → the fetch promise never settles (a request the platform never answers);
 * - 'lost-response'→ the call takes effect (a KVS call, or a personal data report), then the fetch rejects
 *                    as a timeout: the caller cannot tell whether it happened;
 * - 'pause'        → the call waits, then takes effect: at `spec.gate` (a `PausePoint`) until that is
 *                    released, or, with no gate, until the injector's `release()` (a slow call).
 */
import { errorResponse } from './http';
import type { FaultGate, FaultSpec } from './types';

export class EmulatedTimeoutError extends Error {
  constructor(path: string) {
    super(`The emulated platform did not answer ${path} in time`);
    this.name = 'TimeoutError';
  }
}

/** A gate for a 'pause' fault: `reached` settles when a call arrives there; `release()` lets it go on. */
export class PausePoint implements FaultGate {
  /** The path of the call that arrived, once one did. */
  path: string | undefined;
  readonly reached: Promise<void>;
  readonly released: Promise<void>;
  private onReached: () => void = () => undefined;
  private onReleased: () => void = () => undefined;

  constructor() {
    this.reached = new Promise((resolve) => (this.onReached = resolve));
    this.released = new Promise((resolve) => (this.onReleased = resolve));
  }

  arrive(path: string): void {
    this.path = path;
    this.onReached();
  }

  release(): void {
    this.onReleased();
  }
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
  toSkip: number;
}

export type FaultOutcome =
  | { kind: 'respond'; response: Response }
  | { kind: 'reject'; error: Error }
  /** Let the call take effect, then reject with `error`. */
  | { kind: 'reject-after'; error: Error }
  /** Never answer (until the caller gives up). */
  | { kind: 'hang' }
  /** Tell the gate (if any) the call arrived, go on once `until` settles, then take effect. */
  | { kind: 'pause'; until: Promise<void>; gate?: FaultGate };

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private paused: Array<() => void> = [];
  /** Calls held by 'pause' faults right now. */
  get pausedCalls(): number {
    return this.paused.length;
  }

  /** Lets every paused call go on. */
  release(): void {
    const held = this.paused;
    this.paused = [];
    for (const resume of held) resume();
  }

  add(spec: FaultSpec): void {
    this.faults.push({ spec: { ...spec }, remaining: spec.times ?? 1, toSkip: spec.afterCalls ?? 0 });
  }

  clear(): void {
    this.faults = [];
  }

  /** Decides whether this call fails. Consumes `afterCalls` and `times` of the first matching fault. */
  check(path: string, isKvs: boolean): FaultOutcome | undefined {
    for (const fault of this.faults) {
      const matches = fault.spec.pathPrefix === undefined ? isKvs : path.startsWith(fault.spec.pathPrefix);
      if (!matches || fault.remaining <= 0) continue;
      if (fault.toSkip > 0) {
        fault.toSkip -= 1;
        continue;
      }
      fault.remaining -= 1;
      this.faults = this.faults.filter((f) => f.remaining > 0);
      if (fault.spec.kind === 'pause') {
        const gate = fault.spec.gate;
        if (gate) return { kind: 'pause', until: gate.released, gate };
        return { kind: 'pause', until: new Promise<void>((resume) => this.paused.push(resume)) };
      }
      return outcome(fault.spec, path);
    }
    return undefined;
  }
}

function outcome(spec: FaultSpec, path: string): FaultOutcome {
  switch (spec.kind) {
    case 'rate-limit':
      return {
        kind: 'respond',
        response: errorResponse(429, 'RATE_LIMIT_EXCEEDED', 'Rate limit exceeded (injected by the emulator)', {
          'Retry-After': String(spec.retryAfterSeconds ?? 1),
        }),
      };
    case 'server-error':
      return {
        kind: 'respond',
        response: errorResponse(503, 'SERVICE_UNAVAILABLE', 'Service unavailable (injected by the emulator)'),
      };
    case 'timeout':
      return { kind: 'reject', error: new EmulatedTimeoutError(path) };
    case 'lost-response':
      return { kind: 'reject-after', error: new EmulatedTimeoutError(path) };
    case 'refuse':
      return {
        kind: 'respond',
        response: errorResponse(spec.status ?? 400, spec.code ?? 'BAD_REQUEST', 'Refused (injected by the emulator)'),
      };
    case 'hang':
      return { kind: 'hang' };
    case 'pause':
      throw new Error('a pause is settled by the injector');
  }
}
