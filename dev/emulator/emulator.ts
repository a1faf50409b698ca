/**
 * ForgeEmulator: answers at `globalThis.__forge_fetch__` so the real @forge/kvs and @forge/api clients run
 * unchanged in tests, in the preview server and inside the app's bundle.
 */
import { createHash } from 'node:crypto';
import { FaultInjector } from './faults';
import { jsonResponse } from './http';
import { DEFAULT_INSTALL_CONTEXT, IdentityContext, parseInstallContext } from './identity-context';
import { QuotaMeter, PUBLISHED_QUOTAS, metered, type QuotaLimits } from './kvs-quota';
import { handleKvsRequest, kvsCounterName, type ConflictAnswer, type QueryLimitReading } from './kvs-routes';
import { KvsStore, type Namespace, type StoreSnapshot } from './kvs-store';
import { loadState, saveState } from './persistence';
import { PrivacyReporting, isPrivacyReportPath } from './privacy-route';
import { handleProductRequest } from './product-routes';
import type {
  BackendRuntimePayload,
  FaultSpec,
  FetchInit,
  FetchTarget,
  ForgeFetch,
  ForgeResolverHandler,
  InvocationIdentity,
  ResolverInvocation,
  SampleUser,
} from './types';
import { DEFAULT_SAMPLE_USERS, UserDirectory } from './users';

export interface ForgeEmulatorOptions {
  /** Load state from this JSON file at construction and write it after every change. */
  persistFile?: string;
  /** The sample people; default: the persisted ones, else DEFAULT_SAMPLE_USERS. */
  users?: SampleUser[];
  /** The clock for stored timestamps and quota windows; default the system clock (see FakeClock). */
  now?: () => Date;
  /**
   * How the emulator waits out `kvs.latencyMs`: default real timers. Give a VirtualClock's `sleep` (with its
   * `now`) for emulated latency: no wall-clock wait, and the quota windows see the time the calls took.
   */
  sleep?: (ms: number) => Promise<void>;
  kvs?: KvsOptions;
}

/** How strictly the emulated KVS reads Atlassian's ambiguous or undocumented limits. */
export interface KvsOptions {
  /** The largest query `limit` accepted: 20, 99 ("below 100") or 100 (default). */
  queryLimitMax?: QueryLimitReading;
  /** Per-installation unit quotas; `true` means the published 4,000 read / 4,000 write a minute. Default off. */
  quotas?: boolean | QuotaLimits;
  /** The answer to FAIL_IF_EXISTS on an existing key (default 409 KEY_CONFLICT). */
  conflict?: ConflictAnswer;
  /**
   * Answer every KVS call after this many milliseconds (for counting sequential round trips, or crowds under
   * real latency): real ones, or emulated ones when the emulator was given a `sleep`.
   */
  latencyMs?: number;
}

/** The strictest reading of every KVS limit: the setting the resolver and report tests run under. */
export const STRICT_KVS: KvsOptions = { queryLimitMax: 20, quotas: true };

export interface KvsUsage {
  calls: number;
  readUnits: number;
  writeUnits: number;
  /** Requests refused with 429 because a quota was spent. */
  rateLimited: number;
  /** Waves of KVS calls: a call made while no other call was in flight starts a new one. */
  roundTrips: number;
}

export interface InvokeOptions {
  /** Extra frontend context fields (e.g. `moduleKey`, `localId`); the platform-vouched fields still win. */
  context?: Record<string, unknown>;
}

const FETCH_GLOBAL = '__forge_fetch__';
type GlobalSlots = Record<string, unknown>;

export class ForgeEmulator {
  readonly users: UserDirectory;
  readonly privacyReporting = new PrivacyReporting();

  private readonly store = new KvsStore();
  private readonly identity = new IdentityContext();
  private readonly faults = new FaultInjector();
  private readonly counts = new Map<string, number>();
  private readonly kvsOptions: KvsOptions;
  private readonly quota: QuotaMeter;
  private inFlight = 0;
  private waves = 0;
  private readonly persistFile: string | undefined;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private installed: { previous: unknown; hadPrevious: boolean } | undefined;

  constructor(options: ForgeEmulatorOptions = {}) {
    this.persistFile = options.persistFile;
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.kvsOptions = options.kvs ?? {};
    const quotas = this.kvsOptions.quotas;
    this.quota = new QuotaMeter(quotas === true ? PUBLISHED_QUOTAS : quotas === false ? undefined : quotas);
    const loaded = this.persistFile === undefined ? undefined : loadState(this.persistFile);
    if (loaded) this.store.restore(loaded.installations);
    this.users = new UserDirectory(options.users ?? loaded?.users ?? DEFAULT_SAMPLE_USERS, () => this.persist());
  }

  /** The function installed at `globalThis.__forge_fetch__`. */
  readonly fetch: ForgeFetch = (target, path, init) => this.answer(target, path, init);

  /** Sets `globalThis.__forge_fetch__` to this emulator. */
  install(): this {
    const slots = globalThis as unknown as GlobalSlots;
    if (!this.installed) this.installed = { previous: slots[FETCH_GLOBAL], hadPrevious: FETCH_GLOBAL in slots };
    slots[FETCH_GLOBAL] = this.fetch;
    return this;
  }

  /** Restores whatever `globalThis.__forge_fetch__` was before `install()`. */
  uninstall(): void {
    if (!this.installed) return;
    const slots = globalThis as unknown as GlobalSlots;
    if (this.installed.hadPrevious) slots[FETCH_GLOBAL] = this.installed.previous;
    else Reflect.deleteProperty(slots, FETCH_GLOBAL);
    this.installed = undefined;
  }

  /** Runs `fn` as one invocation of `identity`: its KVS calls use that installation's storage. */
  run<T>(identity: InvocationIdentity, fn: () => Promise<T>): Promise<T> {
    return this.identity.run(identity, fn);
  }

  /** The identity of the current invocation (the default installation outside `run()`). */
  currentIdentity(): InvocationIdentity {
    return this.identity.current();
  }

  /**
   * Calls a @forge/resolver handler as the platform does: the payload crosses the wire as JSON, the frontend
   * context says which module was opened, and the platform-vouched fields (installContext, accountId,
   * installation) arrive in the second argument. The result comes back as JSON, as the bridge would see it.
   */
  async invoke(
    handler: ForgeResolverHandler,
    functionKey: string,
    payload: unknown,
    identity: InvocationIdentity,
    options: InvokeOptions = {},
  ): Promise<unknown> {
    const parsed = parseInstallContext(identity.installContext);
    if (!parsed) throw new Error(`Not a Jira or Confluence installation ARI: ${identity.installContext}`);
    const invocation: ResolverInvocation = {
      call: {
        functionKey,
        ...(payload === undefined ? {} : { payload: JSON.parse(JSON.stringify(payload)) as unknown }),
      },
      context: {
        cloudId: parsed.cloudId,
        localId: `emulated-${parsed.product}-admin-page`,
        environmentType: 'DEVELOPMENT',
        environmentId: '00000000-0000-4000-8000-00000000e4v1',
        accountType: identity.accountId === undefined ? 'anonymous' : 'licensed',
        extension: { type: parsed.product === 'jira' ? 'jira:adminPage' : 'confluence:globalSettings' },
        ...options.context,
      },
    };
    const installationId = uuidFrom(identity.installContext);
    const backend: BackendRuntimePayload = {
      installContext: identity.installContext,
      ...(identity.accountId === undefined ? {} : { principal: { accountId: identity.accountId } }),
      installation: {
        ari: { installationId, toString: () => `ari:cloud:ecosystem::installation/${installationId}` },
        contexts: [{ cloudId: parsed.cloudId, toString: () => identity.installContext }],
      },
    };
    const result = await this.run(identity, () => handler(invocation, backend));
    return result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown);
  }

  counters(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  resetCounters(): void {
    this.counts.clear();
    this.quota.resetTotals();
    this.waves = 0;
  }

  /** KVS calls, units and round trips since construction or `resetCounters()`. */
  usage(): KvsUsage {
    let calls = 0;
    for (const [name, n] of this.counts) if (name.startsWith('kvs.')) calls += n;
    const { read, write, rejected } = this.quota.totals;
    return { calls, readUnits: read, writeUnits: write, rateLimited: rejected, roundTrips: this.waves };
  }

  injectFault(spec: FaultSpec): void {
    this.faults.add(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Calls held by 'pause' faults right now. */
  pausedCalls(): number {
    return this.faults.pausedCalls;
  }

  /** Lets every call held by a 'pause' fault go on. */
  releasePaused(): void {
    this.faults.release();
  }

  /** A copy of one installation's (non-secret) KVS data. */
  entries(installContext: string): ReadonlyMap<string, unknown> {
    return this.copyOf(installContext, 'data');
  }

  /** A copy of one installation's secrets. */
  secretEntries(installContext: string): ReadonlyMap<string, unknown> {
    return this.copyOf(installContext, 'secret');
  }

  /** Installations that have (or had) stored data. */
  installations(): string[] {
    return this.store.installationIds();
  }

  /** A copy of every installation's storage, for `loadStorage` (a test replaying one scenario many times). */
  saveStorage(): StoreSnapshot {
    return structuredClone(this.store.snapshot());
  }

  /** Replaces every installation's storage with a copy of one `saveStorage` answered. */
  loadStorage(snapshot: StoreSnapshot): void {
    this.store.restore(structuredClone(snapshot));
    this.persist();
  }

  /** Wipes one installation's storage, or all of it. */
  reset(installContext?: string): void {
    this.store.wipe(installContext);
    this.persist();
  }

  private copyOf(installContext: string, ns: Namespace): ReadonlyMap<string, unknown> {
    const out = new Map<string, unknown>();
    for (const key of this.store.sortedKeys(installContext, ns)) {
      const record = this.store.read(installContext, ns, key);
      if (record) out.set(key, JSON.parse(record.json) as unknown);
    }
    return out;
  }

  private async answerKvs(path: string, init: FetchInit | undefined): Promise<Response> {
    if (this.inFlight === 0) this.waves += 1;
    this.inFlight += 1;
    try {
      const latency = this.kvsOptions.latencyMs ?? 0;
      if (latency > 0) await this.sleep(latency);
      const installContext = this.identity.current().installContext;
      const nowMs = this.now().getTime();
      const body = typeof init?.body === 'string' ? init.body : '';
      const queryLimitMax = this.kvsOptions.queryLimitMax;
      const conflict = this.kvsOptions.conflict;
      const outcome = await metered(
        { quota: this.quota, installContext, nowMs, path, requestBytes: Buffer.byteLength(body, 'utf8') },
        () =>
          handleKvsRequest(
            {
              store: this.store,
              installContext,
              nowMs,
              ...(queryLimitMax ? { queryLimitMax } : {}),
              ...(conflict ? { conflict } : {}),
            },
            path,
            init?.body,
          ),
      );
      if (outcome.mutated) this.persist();
      return outcome.response;
    } finally {
      this.inFlight -= 1;
    }
  }

  private count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  private persist(): void {
    if (this.persistFile === undefined) return;
    saveState(this.persistFile, {
      format: 'privacy-panel-forge-emulator',
      version: 1,
      installations: this.store.snapshot(),
      users: this.users.list(),
    });
  }

  private async answer(target: FetchTarget | undefined, path: string, init: FetchInit | undefined): Promise<Response> {
    const t: FetchTarget = target ?? {};
    const method = (init?.method ?? 'GET').toUpperCase();
    const isKvs = t.type === 'kvs' || t.remote === 'kvs';
    const product = t.remote === 'jira' || t.remote === 'confluence' ? t.remote : undefined;
    const isPrivacy = !isKvs && t.remote === 'stargate' && isPrivacyReportPath(path);

    this.count(
      isKvs ? kvsCounterName(path) : product ? `product.${product}` : isPrivacy ? 'privacy.report' : 'unknown',
    );

    const fault = this.faults.check(path, isKvs);
    if (fault?.kind === 'reject') throw fault.error;
    if (fault?.kind === 'respond') return fault.response;
    if (fault?.kind === 'hang') return new Promise<Response>(() => undefined);
    if (fault?.kind === 'pause') {
      fault.gate?.arrive(path);
      await fault.until;
    }

    if (isKvs) {
      const response = await this.answerKvs(path, init);
      if (fault?.kind === 'reject-after') throw fault.error;
      return response;
    }
    if (product) {
      const actingAccountId = t.provider === 'user' ? (t.accountId ?? this.identity.current().accountId) : undefined;
      return handleProductRequest({ product, provider: t.provider, actingAccountId, method, path }, this.users);
    }
    if (isPrivacy) {
      const response = this.privacyReporting.handle(method, init?.body, this.users);
      if (fault?.kind === 'reject-after') {
        this.privacyReporting.loseLastAnswer();
        throw fault.error;
      }
      return response;
    }
    return jsonResponse(404, {
      code: 'NOT_FOUND',
      message: `The emulator has no endpoint at ${path} for ${JSON.stringify(t)}`,
      path,
    });
  }
}

/** A stable UUID-shaped id derived from a string. */
function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export { DEFAULT_INSTALL_CONTEXT };
