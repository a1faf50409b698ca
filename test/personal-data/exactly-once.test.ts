import { PausePoint, type FaultSpec } from '../../dev/emulator';
import { PRIVACY_REPORT_KEY, accountIndexKey, registryKey } from '../../src/domain/storage/inventory';
import type { ReportProgress } from '../../src/domain/personal-data/progress-record';
import type { RegistryRecord } from '../../src/domain/storage/stored-shapes';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { JIRA_SITE, SAMPLE_ACCOUNTS, admin, as, secondAdmin, startApp, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';
import { DAY_MS, TestClock, bulkIds, dump, privacyHarness, type PrivacyHarness } from './support';

/**
 * The personal data job's invariant, under one fault at every storage call and every report call of the
 * job in turn, under overlapping runs paused at each of those calls, and with an acknowledgment paused at
 * each of its storage calls while its account is erased. Per cycle, every registered account is in
 * exactly one accepted report request plus one per accepted request naming it whose answer was lost; a
 * closed account is erased by the run that received the closed answer; no `acctid:` outlives an erasure.
 */

const CLOSING = SAMPLE_ACCOUNTS.siteAdmin; // acknowledged: receipts, markers and registry entry 1
const STAYING = SAMPLE_ACCOUNTS.jiraAdmin; // registry entry 2
const BULK = bulkIds(98); // registry entries 3..100
const CLOSED_BULK = BULK[92]!; // registry entry 95: in the second batch
const REGISTERED = [CLOSING, STAYING, ...BULK];
const NEWCOMER = '712020:newcomer-admin'; // an administrator who has not acknowledged anything yet
const CLOSED = [CLOSING, CLOSED_BULK];
const catalogV2 = sampleCatalog('material');
const ackOf = (version: number) => ({ version, hash: catalogV2.versions[version - 1]!.hash });

interface World {
  app: App;
  h: PrivacyHarness;
}

type Seed = ReturnType<App['emulator']['saveStorage']>;
let seed: Seed | undefined;

/** The scenario's storage, built once through the real handlers, then copied into each fresh emulator. */
async function world(): Promise<World> {
  // One clock for the page and the job: an acknowledgment's registration is as old as the job sees it.
  const clock = new TestClock();
  const app = startApp(sampleCatalog(), { clock });
  const h = privacyHarness(app, { catalog: catalogV2, clock });
  app.emulator.users.set({ accountId: CLOSED_BULK, displayName: 'Closing', admin: { jira: false, confluence: false } });
  app.emulator.users.set({ accountId: NEWCOMER, displayName: 'Newcomer', admin: { jira: true, confluence: true } });
  if (seed) app.emulator.loadStorage(seed);
  else {
    await app.ok('acknowledge', ackOf(1), admin);
    await app.ok('acknowledge', ackOf(1), secondAdmin);
    await h.register(BULK);
    seed = app.emulator.saveStorage();
  }
  app.publish(catalogV2);
  return { app, h };
}

const progressOf = (app: App) => app.emulator.entries(JIRA_SITE).get(PRIVACY_REPORT_KEY) as ReportProgress | undefined;

const firstCycleDone = (app: App): boolean => {
  const progress = progressOf(app);
  return progress?.cycleNumber === 1 && progress.cycleComplete;
};

/** Runs the job a day apart (same cycle) until the first cycle is complete. */
async function settle({ app, h }: World): Promise<void> {
  for (let i = 0; i < 5 && !firstCycleDone(app); i += 1) {
    h.clock.advance(DAY_MS);
    await h.runReport();
  }
}

/** Closed accounts whose closed answer reached the job by now. */
function answeredClosed(app: App): string[] {
  const per = app.emulator.privacyReporting.acceptedPerAccount();
  return CLOSED.filter((id) => {
    const seen = per.get(id);
    return seen !== undefined && seen.accepted > seen.lost;
  });
}

/**
 * Accepted requests per account, and how many of them had their answer lost: on the way back (the
 * emulator marks those), or `diedAfter`: the call whose answer reached a run that died before recording it.
 */
function perAccount(app: App, diedAfter?: number): Map<string, { accepted: number; lost: number }> {
  const per = app.emulator.privacyReporting.acceptedPerAccount();
  const call = diedAfter === undefined ? undefined : app.emulator.privacyReporting.calls[diedAfter];
  if (call && (call.status === 200 || call.status === 204) && !call.answerLost)
    for (const { accountId } of call.accounts) per.get(accountId)!.lost += 1;
  return per;
}

/** Every way the invariant can fail, as readable lines (empty when it holds). */
function problems({ app }: World, label: string, diedAfter?: number): string[] {
  const out: string[] = [];
  const per = perAccount(app, diedAfter);
  for (const id of REGISTERED) {
    const seen = per.get(id) ?? { accepted: 0, lost: 0 };
    if (seen.accepted - seen.lost !== 1)
      out.push(`${label}: ${id} accepted ${seen.accepted}, answers lost ${seen.lost}`);
  }
  for (const id of per.keys()) if (!REGISTERED.includes(id)) out.push(`${label}: ${id} was never registered`);
  const site = dump(app);
  for (const id of CLOSED) if (site.includes(id)) out.push(`${label}: ${id} not erased`);
  const erasures = [...app.emulator.entries(JIRA_SITE).entries()].filter(
    ([key, value]) => key.startsWith('pp:rcpt:') && (value as StoredReceipt).receipt.kind === 'account-erased',
  );
  if (erasures.length !== 1) out.push(`${label}: ${erasures.length} account-erased receipts`);
  if (!firstCycleDone(app)) out.push(`${label}: cycle not complete`);
  return out;
}

/** The job's storage calls and report calls when nothing fails. */
async function baseline(): Promise<{ storage: number; reports: number }> {
  const w = await world();
  for (const id of CLOSED) w.app.emulator.users.closeAccount(id);
  w.app.emulator.resetCounters();
  await w.h.runReport();
  const storage = w.app.emulator.usage().calls;
  const reports = w.app.emulator.privacyReporting.calls.length;
  expect(problems(w, 'baseline')).toEqual([]);
  w.app.stop();
  return { storage, reports };
}

const STORAGE_FAULTS: FaultSpec[] = [
  { kind: 'rate-limit' },
  { kind: 'server-error' },
  { kind: 'timeout' },
  { kind: 'lost-response' },
];
const REPORT = '/app/report-accounts';
const REPORT_FAULTS: FaultSpec[] = [
  { kind: 'rate-limit', pathPrefix: REPORT, retryAfterSeconds: 1 },
  { kind: 'rate-limit', pathPrefix: REPORT, retryAfterSeconds: 3600 },
  { kind: 'server-error', pathPrefix: REPORT },
  { kind: 'refuse', pathPrefix: REPORT, status: 400 },
  { kind: 'timeout', pathPrefix: REPORT },
  { kind: 'lost-response', pathPrefix: REPORT },
];

/** For each of `total` matching calls in turn: that call faults once, the job runs, then settles. */
async function faultEachCall(total: number, fault: FaultSpec, label: string): Promise<string[]> {
  const found: string[] = [];
  for (let at = 0; at < total; at += 1) {
    const w = await world();
    for (const id of CLOSED) w.app.emulator.users.closeAccount(id);
    w.app.emulator.injectFault({ ...fault, afterCalls: at });
    await w.h.runReport();
    w.app.emulator.clearFaults();
    // One fault is healed within the run: every closed answer it received is already erased.
    const site = dump(w.app);
    for (const id of answeredClosed(w.app))
      if (site.includes(id)) found.push(`${label} ${at}: ${id} answered closed, erasure deferred`);
    await settle(w);
    found.push(...problems(w, `${label} ${at}`));
    w.app.stop();
  }
  return found;
}

let calls: { storage: number; reports: number };
beforeAll(async () => {
  calls = await baseline();
});

describe('the personal data job, exactly once', () => {
  it('the baseline: two report calls, and the job makes enough storage calls to be worth faulting', () => {
    expect(calls.reports).toBe(2);
    expect(calls.storage).toBeGreaterThan(40);
  });

  it.each(STORAGE_FAULTS.map((f) => [f.kind, f] as const))(
    'one %s at each storage call of the job in turn',
    async (_kind, fault) => {
      expect(await faultEachCall(calls.storage, fault, 'storage call')).toEqual([]);
    },
  );

  it.each(REPORT_FAULTS.map((f) => [`${f.kind} ${f.retryAfterSeconds ?? f.status ?? ''}`.trim(), f] as const))(
    'one %s at each report call of the job in turn',
    async (_kind, fault) => {
      expect(await faultEachCall(calls.reports, fault, 'report call')).toEqual([]);
    },
  );

  it('a lost answer is the one case of a second request, and it is counted', async () => {
    const w = await world();
    w.app.emulator.injectFault({ kind: 'lost-response', pathPrefix: REPORT });
    await w.h.runReport();
    const per = w.app.emulator.privacyReporting.acceptedPerAccount();
    expect(per.get(CLOSING)).toEqual({ accepted: 2, lost: 1 });
    expect(per.get(BULK[97]!)).toEqual({ accepted: 1, lost: 0 });
    expect(w.app.emulator.entries(JIRA_SITE).get('pp:privacy:batch:0000000001:0000000001:01')).toEqual(
      expect.objectContaining({ state: 'released' }),
    );
    expect(w.app.emulator.entries(JIRA_SITE).get('pp:privacy:batch:0000000001:0000000001:02')).toEqual(
      expect.objectContaining({ state: 'sent', reported: 90 }),
    );
    w.app.stop();
  });

  for (const where of ['storage', 'report'] as const) {
    for (const fate of ['resumes', 'dies'] as const) {
      it(`a run paused at each ${where} call while another runs; the paused run then ${fate}`, async () => {
        const found: string[] = [];
        const total = where === 'storage' ? calls.storage : calls.reports;
        for (let at = 0; at < total; at += 1) {
          const w = await world();
          for (const id of CLOSED) w.app.emulator.users.closeAccount(id);
          const gate = new PausePoint();
          w.app.emulator.injectFault({
            kind: 'pause',
            gate,
            afterCalls: at,
            ...(where === 'report' ? { pathPrefix: REPORT } : {}),
          });
          const first = w.h.runReport();
          await gate.reached;
          const sentBefore = w.app.emulator.privacyReporting.calls.length;
          await w.h.runReport(); // overlapping: the same moment
          let diedAfter: number | undefined;
          if (fate === 'resumes') {
            gate.release();
            await first;
          } else {
            // The function timed out at its pause and never comes back. Paused at a storage call while
            // its batch is still `sending`, it had its answer and died before recording it: that answer
            // is lost to the job as surely as one lost on the wire.
            const unrecorded =
              where === 'storage' &&
              [...w.app.emulator.entries(JIRA_SITE)].some(
                ([key, value]) =>
                  key.startsWith('pp:privacy:batch:') && (value as { state: string }).state === 'sending',
              );
            if (unrecorded && sentBefore > 0) diedAfter = sentBefore - 1;
          }
          await settle(w);
          found.push(...problems(w, `${where} call ${at}`, diedAfter));
          w.app.stop();
        }
        expect(found).toEqual([]);
      });
    }
  }

  it.each([
    ['registered before', CLOSING],
    ['acknowledging for the first time', NEWCOMER],
  ])(
    'an acknowledgment by an account %s, paused at each of its storage calls while the account is erased',
    async (_how, who) => {
      const probe = await world();
      probe.app.emulator.resetCounters();
      await probe.app.ok('acknowledge', ackOf(2), as(who));
      const ackCalls = probe.app.emulator.usage().calls;
      probe.app.stop();
      expect(ackCalls).toBeGreaterThan(3);

      const found: string[] = [];
      for (let at = 0; at < ackCalls; at += 1) {
        const w = await world();
        const gate = new PausePoint();
        w.app.emulator.injectFault({ kind: 'pause', gate, afterCalls: at });
        const acknowledging = w.app.call('acknowledge', ackOf(2), as(who));
        await gate.reached;
        for (const id of [...CLOSED, who]) w.app.emulator.users.closeAccount(id);
        await w.h.runReport(); // erases the account (once registered) while its acknowledgment is in flight
        gate.release();
        await acknowledging;

        const entries = w.app.emulator.entries(JIRA_SITE);
        const index = entries.get(accountIndexKey(who)) as { seq: number } | undefined;
        const entry = index && (entries.get(registryKey(index.seq)) as RegistryRecord | undefined);
        if (index && (entry?.accountId !== who || entry.erasing))
          found.push(`ack call ${at}: acctid left pointing at registry entry ${index.seq}, which is never sent`);
        const sent = w.app.emulator.privacyReporting.acceptedPerAccount().get(who)?.accepted ?? 0;
        if (sent > 1) found.push(`ack call ${at}: sent ${sent} times in one cycle`);

        // Whatever the late acknowledgment wrote is registered: the next cycle reports and erases it.
        w.h.clock.advance(8 * DAY_MS);
        await w.h.runReport();
        if (dump(w.app).includes(who)) found.push(`ack call ${at}: still stored after the next cycle`);
        w.app.stop();
      }
      expect(found).toEqual([]);
    },
  );
});
