import {
  FakeClock,
  ForgeEmulator,
  SAMPLE_ACCOUNTS,
  STRICT_KVS,
  type InvocationIdentity,
  type KvsOptions,
} from '../emulator';
import type { Defs, ResolverName, Result } from '../../src/contract';
import type { Clock } from '../../src/domain/platform-ports';
import type { Backoff } from '../../src/domain/storage/gapless-sequence';
import type { StatementCatalog } from '../../src/domain/statement/types';
import { bundledEvidence } from './bundled-catalog';
import { createResolverHandler } from '../../src/resolvers';
import { sampleCatalog } from './statements';

export const JIRA_SITE = 'ari:cloud:jira::site/11111111-1111-4111-8111-111111111111';
export const CONFLUENCE_SITE = 'ari:cloud:confluence::site/11111111-1111-4111-8111-111111111111';
export { SAMPLE_ACCOUNTS };

type Payload<N extends ResolverName> = Parameters<Defs[N]>[0];
type Data<N extends ResolverName> = Awaited<ReturnType<Defs[N]>> extends Result<infer T> ? T : never;

/**
 * The real resolver handler on the platform emulator, called the way Forge calls it. By default the
 * emulator reads every KVS limit the strictest way (queries of at most 20 keys, 4,000 read and 4,000 write
 * units a minute per installation); `platformClock` is the emulator's clock, which only tests move.
 */
export function startApp(
  catalog: StatementCatalog = sampleCatalog(),
  options: { clock?: Clock; kvs?: KvsOptions; backoff?: Backoff; adminCheckTimeoutMs?: number } = {},
) {
  const platformClock = new FakeClock();
  const emulator = new ForgeEmulator({ kvs: options.kvs ?? STRICT_KVS, now: platformClock.now }).install();
  const build = (next: StatementCatalog) =>
    createResolverHandler({
      catalog: next,
      evidence: bundledEvidence,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.adminCheckTimeoutMs === undefined ? {} : { adminCheckTimeoutMs: options.adminCheckTimeoutMs }),
      ...(options.backoff ? { backoff: options.backoff } : {}),
    });
  let handler = build(catalog);
  const app = {
    emulator,
    platformClock,
    /** Any payload at all: what a hostile client could send. */
    raw: (name: string, payload: unknown, identity: InvocationIdentity) =>
      emulator.invoke(handler, name, payload, identity) as Promise<Result<unknown>>,
    call: <N extends ResolverName>(name: N, payload: Payload<N>, identity: InvocationIdentity) =>
      emulator.invoke(handler, name, payload, identity) as Promise<Result<Data<N>>>,
    /** The call must succeed; its data. */
    ok: async <N extends ResolverName>(
      name: N,
      payload: Payload<N>,
      identity: InvocationIdentity,
    ): Promise<Data<N>> => {
      const result = await app.call(name, payload, identity);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    },
    keys: (site = JIRA_SITE) => [...emulator.entries(site).keys()].sort(),
    publish: (next: StatementCatalog) => {
      handler = build(next);
    },
    stop: () => emulator.uninstall(),
  };
  return app;
}

export type App = ReturnType<typeof startApp>;

export const as = (accountId: string, installContext = JIRA_SITE): InvocationIdentity => ({
  accountId,
  installContext,
});
export const admin = as(SAMPLE_ACCOUNTS.siteAdmin);
export const secondAdmin = as(SAMPLE_ACCOUNTS.jiraAdmin);
export const member = as(SAMPLE_ACCOUNTS.member);

/** Adds `count` Jira+Confluence administrators to the emulator's directory. */
export function addAdmins(app: App, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const accountId = `712020:bulk-admin-${String(i).padStart(6, '0')}`;
    app.emulator.users.set({ accountId, displayName: `Admin ${i}`, admin: { jira: true, confluence: true } });
    return accountId;
  });
}

/** A writer that lost a sequence number yields to the others instead of sleeping: tests never wait on timers. */
export const yieldingBackoff: Backoff = {
  random: () => Math.random(),
  sleep: () => new Promise((resolve) => setImmediate(resolve)),
  now: () => performance.now(),
};
