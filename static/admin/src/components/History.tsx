/**
 * The receipt chain, newest first: who acknowledged which version, when, and the app's own events (installed,
 * upgraded, account data erased). Its own call after the disclosure, paginated with "Load more".
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiError, HistoryRow } from '../../../../src/contract';
import { api, viewerAccountId } from '../api';
import { type NameDirectory, useDisplayName, Who } from '../display-names';
import { useLatest } from '../hooks/use-latest';
import { useI18n } from '../i18n/context';
import { describeEvent } from './history-text';
import { InlineError } from './InlineError';
import { KeepReceipt } from './KeepReceipt';

type Load =
  | { phase: 'loading' }
  | { phase: 'failed'; error: ApiError; attempts: number }
  | { phase: 'ready'; rows: HistoryRow[]; cursor?: string; more: 'idle' | 'pending' | ApiError };

function Entry({ row, names }: { row: HistoryRow; names: NameDirectory }): JSX.Element {
  const i18n = useI18n();
  const name = useDisplayName(names, row.kind === 'acknowledgment' ? row.accountId : null);
  if (row.kind === 'acknowledgment') {
    return (
      <>
        {i18n.rich('history.acknowledged', { who: <Who name={name} />, version: row.version })}
        {row.readIn && (
          <span class="subtle read-in" data-locale={row.readIn}>
            {' '}
            {i18n.t('history.readIn', { language: i18n.languageName(row.readIn) })}
          </span>
        )}
      </>
    );
  }
  return <span class="event">{describeEvent(row, i18n)}</span>;
}

interface Props {
  names: NameDirectory;
  /** Changes whenever the history should be read again from the start (e.g. after an acknowledgment). */
  reloadKey: number;
}

type Ready = Extract<Load, { phase: 'ready' }>;

/** The history, read from the start whenever `reloadKey` changes, and the next page on demand. */
function useHistory(reloadKey: number): { load: Load; loadFirst: () => Promise<void>; loadMore: () => Promise<void> } {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const { next, same } = useLatest();

  const loadFirst = useCallback(async () => {
    const current = next();
    setLoad({ phase: 'loading' });
    const result = await api.listAcknowledgments({});
    if (!current()) return;
    setLoad(
      result.ok
        ? { phase: 'ready', rows: result.data.rows, cursor: result.data.cursor, more: 'idle' }
        : { phase: 'failed', error: result.error, attempts: result.attempts },
    );
  }, [next]);

  useEffect(() => {
    void loadFirst();
  }, [loadFirst, reloadKey]);

  const loadMore = async (): Promise<void> => {
    if (load.phase !== 'ready' || !load.cursor) return;
    const current = same();
    const before = load;
    setLoad({ ...before, more: 'pending' });
    const result = await api.listAcknowledgments({ cursor: before.cursor });
    if (!current()) return;
    setLoad(
      result.ok
        ? { phase: 'ready', rows: [...before.rows, ...result.data.rows], cursor: result.data.cursor, more: 'idle' }
        : { ...before, more: result.error },
    );
  };
  return { load, loadFirst, loadMore };
}

/** The rows read so far; the viewer's own acknowledgments offer their receipt (`me`: the viewer's account). */
function HistoryTable({ rows, names, me }: { rows: HistoryRow[]; names: NameDirectory; me?: string }): JSX.Element {
  const { t, instant } = useI18n();
  return (
    <div class="table-scroll">
      <table class="history-table">
        <caption class="visually-hidden">{t('history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.what')}</th>
            <th scope="col">{t('history.when')}</th>
            <th scope="col">{t('history.receipt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.receiptId} data-kind={row.kind}>
              <td>
                <Entry row={row} names={names} />
              </td>
              <td>
                <time dateTime={row.at}>{instant(row.at)}</time>
              </td>
              <td>
                {t('history.seq', { seq: String(row.seq) })}
                {me !== undefined && row.kind === 'acknowledgment' && row.accountId === me && (
                  <KeepReceipt which={{ accountId: me, seq: row.seq }} row={{ version: row.version, seq: row.seq }} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Load more" while there is a cursor, and the error of the last try. */
function MoreRows({ load, onMore }: { load: Ready; onMore: () => void }): JSX.Element {
  const { t } = useI18n();
  const more = load.more;
  return (
    <>
      {typeof more === 'object' && <InlineError what={t('history.moreFailed')} code={more.code} />}
      {load.cursor && (
        <button type="button" class="button" disabled={more === 'pending'} onClick={onMore}>
          {more === 'pending'
            ? t('common.loading')
            : typeof more === 'object'
              ? t('history.retryMore')
              : t('history.loadMore')}
        </button>
      )}
    </>
  );
}

export function History({ names, reloadKey }: Props): JSX.Element {
  const { t } = useI18n();
  const [me, setMe] = useState<string | undefined>(undefined);
  useEffect(() => {
    void viewerAccountId().then(setMe);
  }, []);
  // The viewer's account is asked for first, then the history (effects run in the order they are declared).
  const { load, loadFirst, loadMore } = useHistory(reloadKey);

  let body: JSX.Element;
  if (load.phase === 'loading') {
    body = (
      <p class="subtle" role="status">
        {t('history.loading')}
      </p>
    );
  } else if (load.phase === 'failed') {
    body = (
      <InlineError
        what={t('history.failed')}
        code={load.error.code}
        attempts={load.attempts}
        onRetry={() => void loadFirst()}
      />
    );
  } else if (load.rows.length === 0) {
    body = <p>{t('history.empty')}</p>;
  } else {
    body = (
      <>
        <HistoryTable rows={load.rows} names={names} me={me} />
        <MoreRows load={load} onMore={() => void loadMore()} />
      </>
    );
  }

  return (
    <section class="card" aria-labelledby="history-title" aria-busy={load.phase === 'loading' ? 'true' : undefined}>
      <h2 id="history-title">{t('history.title')}</h2>
      {body}
    </section>
  );
}
