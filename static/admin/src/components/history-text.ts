/** The history's rows in words. Plain functions (no DOM), so they are tested in node too. */
import type { HistoryRow } from '../../../../src/contract';
import type { Translator } from '../i18n/translator';

/** One row's "what happened", in words. */
export function describeEvent(row: HistoryRow, { t, list }: Pick<Translator, 't' | 'list'>): string {
  const version = row.version;
  switch (row.kind) {
    case 'app-installed':
    case 'app-upgraded':
      return row.appVersion
        ? t(`event.${row.kind}.app`, { version, appVersion: row.appVersion })
        : t(`event.${row.kind}`, { version });
    case 'account-erased': {
      const seqs = row.erasedSeqs ?? [];
      return seqs.length > 0
        ? t('event.account-erased.seqs', {
            version,
            seqs: list(seqs.map((seq) => t('history.seq', { seq: String(seq) }))),
          })
        : t('event.account-erased', { version });
    }
    case 'acknowledgment':
      return t('event.acknowledgment', { version });
  }
}
