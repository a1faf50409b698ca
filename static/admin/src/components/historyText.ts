/** The history's rows in words. Plain functions (no DOM), so they are tested in node too. */
import type { HistoryRow } from '../../../../src/contract';

/** One row's "what happened", in words. */
export function describeEvent(row: HistoryRow): string {
  const inForce = `statement version ${row.version} in force`;
  const ofApp = row.appVersion ? ` (version ${row.appVersion} of the app)` : '';
  switch (row.kind) {
    case 'app-installed':
      return `App installed${ofApp} — ${inForce}`;
    case 'app-upgraded':
      return `App upgraded${ofApp} — ${inForce}`;
    case 'account-erased': {
      const seqs = row.erasedSeqs ?? [];
      const which = seqs.length > 0 ? ` (receipts ${seqs.map((n) => `#${n}`).join(', ')})` : ' (a closed account)';
      return `Account data erased${which} — ${inForce}`;
    }
    case 'acknowledgment':
      return `Acknowledged statement version ${row.version}`;
  }
}
