import type { Clock, Store } from '../../src/domain/platform-ports';
import { registerAccount } from '../../src/domain/personal-data/registry';
import type { PersonalDataReporter } from '../../src/domain/personal-data/types';
import type { StatementCatalog } from '../../src/domain/statement/types';
import { createKvsStore } from '../../src/platform/kvs-store';
import { forgePersonalDataReporter } from '../../src/platform/personal-data';
import { createLifecycleTrigger } from '../../src/triggers/lifecycle';
import { createPersonalDataTrigger } from '../../src/triggers/report-personal-data';
import { JIRA_SITE, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';

export const DAY_MS = 24 * 3600 * 1000;
export const WEEK_MS = 7 * DAY_MS;

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-06-01T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface PrivacyHarness {
  clock: TestClock;
  logs: string[];
  sleeps: number[];
  store: Store;
  /** Runs the scheduled trigger as Forge does: no user, installContext in the context. */
  runReport(site?: string): Promise<void>;
  installed(appVersion: string, site?: string): Promise<void>;
  upgraded(appVersion: string, site?: string): Promise<void>;
  /** Registers accounts straight in the registry (what acknowledge() does after its receipt). */
  register(accountIds: readonly string[], site?: string): Promise<void>;
  /** Account IDs of every accepted report call, in order. */
  reported(): string[];
}

/**
 * The real trigger handlers on the app's emulator. `reporter` defaults to the real @forge/api client; a
 * test may wrap it (e.g. to arm a 429 after some calls). `sleep` only advances the test clock.
 */
export function privacyHarness(
  app: App,
  options: { catalog?: StatementCatalog; reporter?: PersonalDataReporter; clock?: TestClock } = {},
): PrivacyHarness {
  const clock = options.clock ?? new TestClock();
  const logs: string[] = [];
  const sleeps: number[] = [];
  const catalog = options.catalog ?? sampleCatalog();
  const store = createKvsStore();
  const common = { catalog, clock, log: (line: string) => logs.push(line) };
  const report = createPersonalDataTrigger({
    ...common,
    reporter: options.reporter ?? forgePersonalDataReporter,
    sleep: (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
      return Promise.resolve();
    },
  });
  const onInstalled = createLifecycleTrigger('app-installed', common);
  const onUpgraded = createLifecycleTrigger('app-upgraded', common);
  const event = (eventType: string, version: string) => ({
    eventType,
    id: 'ari:cloud:ecosystem::installation/0000',
    installerAccountId: '712020:someone-who-installed',
    app: { id: 'ari:cloud:ecosystem::app/0000', version },
  });
  return {
    clock,
    logs,
    sleeps,
    store,
    runReport: (site = JIRA_SITE) =>
      app.emulator.run({ installContext: site }, () => report({ context: {} }, { installContext: site })),
    installed: (v, site = JIRA_SITE) =>
      app.emulator.run({ installContext: site }, () =>
        onInstalled(event('avi:forge:installed:app', v), { installContext: site }),
      ),
    upgraded: (v, site = JIRA_SITE) =>
      app.emulator.run({ installContext: site }, () =>
        onUpgraded(event('avi:forge:upgraded:app', v), { installContext: site }),
      ),
    register: (ids, site = JIRA_SITE) =>
      app.emulator.run({ installContext: site }, async () => {
        for (const id of ids) await registerAccount(store, id, clock.now().toISOString());
      }),
    reported: () =>
      app.emulator.privacyReporting.calls
        .filter((c) => c.status === 200 || c.status === 204)
        .flatMap((c) => c.accounts.map((a) => a.accountId)),
  };
}

export const bulkIds = (n: number, prefix = 'bulk'): string[] =>
  Array.from({ length: n }, (_, i) => `712020:${prefix}-${String(i).padStart(5, '0')}`);

/** Every key and value of a site, as one string: for "is this ID gone everywhere?". */
export function dump(app: App, site = JIRA_SITE): string {
  return JSON.stringify([...app.emulator.entries(site)]);
}
