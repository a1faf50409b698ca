/**
 * Public types of the Forge platform emulator. The emulator answers at `globalThis.__forge_fetch__`, the
 * seam through which the real @forge/kvs and @forge/api clients reach the platform.
 */

/** Who is calling, as the Forge platform would establish it for one invocation. */
export interface InvocationIdentity {
  /** The installation ARI: `ari:cloud:jira::site/<uuid>` or `ari:cloud:confluence::site/<uuid>`. */
  installContext: string;
  /** The Atlassian account of the user behind the invocation; absent for app-only work (triggers). */
  accountId?: string;
}

export type AccountStatus = 'active' | 'closed' | 'updated';

export interface SampleUser {
  accountId: string;
  displayName: string;
  admin: { jira: boolean; confluence: boolean };
  /** Defaults to 'active'. 'closed' accounts cannot act and look up as 404; both show in privacy reports. */
  accountStatus?: AccountStatus;
  /**
   * When the profile last changed (ISO 8601). With status 'updated', a privacy report names the account only
   * if the reported `updatedAt` is earlier than this; without it, every report names the account.
   */
  profileUpdatedAt?: string;
  /**
   * Whether the user has allowed the app to act on their behalf. Defaults to true. When false, every
   * `asUser()` call answers as Forge's proxy does before consent (`forge-proxy-error: NEEDS_AUTHENTICATION_ERR`),
   * which the @forge/api client throws as its NeedsAuthenticationError.
   */
  consented?: boolean;
}

/**
 * 'pause': the call waits before it reaches storage until `ForgeEmulator.releasePaused()`, then goes on.
 * 'lost-response': the call reaches storage and takes effect, then the answer is lost (the fetch rejects
 * as a timeout): the caller cannot tell whether its write happened. 'refuse': answers `status` and `code`.
 */
export type FaultKind = 'rate-limit' | 'timeout' | 'server-error' | 'lost-response' | 'refuse' | 'hang' | 'pause';

/** Where a 'pause' fault holds its call: the test sees it `reached`, then `release`s it to take effect. */
export interface FaultGate {
  arrive(path: string): void;
  readonly released: Promise<void>;
}

export interface FaultSpec {
  kind: FaultKind;
  /** How many matching calls fail; default 1. */
  times?: number;
  /** Only calls whose path starts with this fail (e.g. '/api/v1/set'); by default any KVS call. */
  pathPrefix?: string;
  /** Let this many matching calls pass before failing. */
  afterCalls?: number;
  /** The Retry-After header of a 'rate-limit' answer; default 1. */
  retryAfterSeconds?: number;
  /** The status and code of a 'refuse' answer; default 400 `BAD_REQUEST`. */
  status?: number;
  code?: string;
  /** Where a 'pause' holds the call (see `PausePoint` in faults.ts). */
  gate?: FaultGate;
}

/** What `__forge_fetch__` receives as its first argument (the clients' "target"). */
export interface FetchTarget {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
}

/** The fetch options the clients pass. Only a string body is understood. */
export interface FetchInit {
  method?: string;
  body?: unknown;
  headers?: unknown;
}

export type ForgeFetch = (target: FetchTarget, path: string, init?: FetchInit) => Promise<Response>;

/** The first argument the platform passes to a resolver function handler. */
export type ResolverInvocation = {
  call: { functionKey: string; payload?: unknown; jobId?: string };
  context: { [key: string]: unknown };
};

/** The second argument: what the platform itself vouches for (the resolver copies it into `req.context`). */
export type BackendRuntimePayload = {
  installContext: string;
  principal?: { accountId: string };
  installation?: {
    ari: { installationId: string; toString(): string };
    contexts: Array<{ cloudId: string; toString(): string }>;
  };
  license?: undefined;
};

/** `Resolver#getDefinitions()` or `makeResolver(...)` from @forge/resolver. */
export type ForgeResolverHandler = (
  invocation: ResolverInvocation,
  backendRuntimePayload?: BackendRuntimePayload,
) => Promise<unknown>;

/** One call to the personal data reporting endpoint, as received. */
export interface PrivacyReportCall {
  accounts: Array<{ accountId: string; updatedAt: string }>;
  /** The HTTP status the emulator answered with. */
  status: number;
  /** Set when the call took effect but its answer was lost on the way back (a 'lost-response' fault). */
  answerLost?: true;
}
