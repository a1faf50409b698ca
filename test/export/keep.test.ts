/**
 * "Keep your receipt" through the real resolvers: the admin's newest acknowledgment with the chain head the
 * page sees, as a `privacy-panel.receipt/1` file that the verifier then finds in the export (`--witness`).
 */
import type { ExportPage, Result } from '../../src/contract';
import type { StoredReceipt } from '../../src/domain/receipts/types';
import { verifyExport } from '../../toolkit/export';
import type { KeptReceipt } from '../../toolkit/export/kept-receipt';
import { collectExport, collectKeptReceipt, ExportError } from '../../static/admin/src/export';
import { addAdmins, admin, as, startApp, type App } from '../support/app';
import { sampleCatalog } from '../support/statements';
import { FIXED_NOW, invokeAs } from './helpers';

let app: App;
beforeEach(() => {
  app = startApp();
});
afterEach(() => app.stop());

const current = () => {
  const statement = sampleCatalog().versions[0]!;
  return { version: statement.source.version, hash: statement.hash };
};

it('finds the admin’s own acknowledgment, keeps the head now, and the export holds both', async () => {
  const [first, ...others] = addAdmins(app, 6);
  expect((await app.call('acknowledge', current(), as(first!))).ok).toBe(true);
  for (const id of others) expect((await app.call('acknowledge', current(), as(id))).ok).toBe(true);

  const kept = await collectKeptReceipt(invokeAs(app, as(first!)), { accountId: first! }, FIXED_NOW);
  expect(kept).toMatchObject({ seq: 1, headSeq: 6, fileName: 'privacy-panel-receipt-jira-seq-1.json' });
  const file = JSON.parse(kept!.text) as KeptReceipt;
  expect(file).toMatchObject({ format: 'privacy-panel.receipt/1', keptAt: FIXED_NOW().toISOString(), product: 'jira' });
  expect(JSON.stringify(file)).not.toContain(first!); // a commitment, never the account ID

  const exported = await collectExport(invokeAs(app, admin), undefined, { now: FIXED_NOW });
  const report = verifyExport(exported.json, { witnesses: [{ name: kept!.fileName, text: kept!.text }] });
  expect(report.problems).toEqual([]);
  expect(report.anchors).toEqual([expect.objectContaining({ anchor: 'witness', holds: true })]);
  expect(await collectKeptReceipt(invokeAs(app, admin), { accountId: admin.accountId! })).toBeUndefined();
});

it('reads older pages until it finds the receipt, with the head from the newest page; errors are typed', async () => {
  const [id] = addAdmins(app, 1);
  expect((await app.call('acknowledge', current(), as(id!))).ok).toBe(true);
  const [own] = ((await app.call('exportReceipts', {}, admin)) as Result<ExportPage> & { ok: true }).data.receipts;
  const newer: StoredReceipt = {
    ...own!,
    accountId: 'someone-else',
    receipt: { ...own!.receipt, seq: 9, hash: 'f'.repeat(64) },
  };
  const pages: ExportPage[] = [
    { installation: own!.receipt.installation, product: 'jira', receipts: [newer], cursor: 'next' },
    { installation: own!.receipt.installation, product: 'jira', receipts: [own!] },
  ];
  const asked: unknown[] = [];
  const kept = await collectKeptReceipt(
    {
      exportReceipts: (payload) => (asked.push(payload), Promise.resolve({ ok: true, data: pages[asked.length - 1]! })),
    },
    { accountId: id! },
  );
  expect(asked).toEqual([{}, { cursor: 'next' }]);
  expect(kept).toMatchObject({ seq: 1, headSeq: 9 });
  const failing = collectKeptReceipt(
    { exportReceipts: () => Promise.reject(new Error('offline')) },
    { accountId: id! },
  );
  await expect(failing).rejects.toBeInstanceOf(ExportError);
});

it('keeps an earlier acknowledgment by its seq, only the admin’s own, and stops reading once past it', async () => {
  const [id, other] = addAdmins(app, 2);
  expect((await app.call('acknowledge', current(), as(id!))).ok).toBe(true);
  expect((await app.call('acknowledge', current(), as(other!))).ok).toBe(true);
  const [theirs, own] = ((await app.call('exportReceipts', {}, admin)) as Result<ExportPage> & { ok: true }).data
    .receipts;
  const at = (seq: number, from: StoredReceipt): StoredReceipt => ({
    ...from,
    receipt: { ...from.receipt, seq, hash: String(seq % 10).repeat(64) },
  });
  const installation = own!.receipt.installation;
  const pages: ExportPage[] = [
    { installation, product: 'jira', receipts: [at(9, theirs!), at(8, own!)], cursor: 'p2' },
    { installation, product: 'jira', receipts: [at(5, own!), at(4, theirs!)], cursor: 'p3' },
    { installation, product: 'jira', receipts: [at(2, own!)] },
  ];
  const reader = () => {
    const asked: unknown[] = [];
    return {
      asked,
      calls: {
        exportReceipts: (payload: unknown) => (
          asked.push(payload),
          Promise.resolve({ ok: true as const, data: pages[asked.length - 1]! })
        ),
      },
    };
  };

  const older = reader();
  const kept = await collectKeptReceipt(older.calls, { accountId: id!, seq: 5 }, FIXED_NOW);
  expect(kept).toMatchObject({ seq: 5, headSeq: 9, fileName: 'privacy-panel-receipt-jira-seq-5.json' });
  expect((JSON.parse(kept!.text) as KeptReceipt).head).toEqual({ seq: 9, hash: '9'.repeat(64) });
  expect(older.asked).toEqual([{}, { cursor: 'p2' }]);

  const notOwn = reader();
  await expect(collectKeptReceipt(notOwn.calls, { accountId: id!, seq: 4 })).resolves.toBeUndefined();
  expect(notOwn.asked).toHaveLength(2); // the slice reaching seq 4 settles it: no third call

  const gone = reader();
  await expect(collectKeptReceipt(gone.calls, { accountId: id!, seq: 7 })).resolves.toBeUndefined();
  expect(gone.asked).toHaveLength(2);
});
