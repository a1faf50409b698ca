/**
 * The receipt chain, newest first: who acknowledged which version, when, and the app's own events (installed,
 * upgraded, account data erased). Its own call after the disclosure, paginated with "Load more".
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError, HistoryRow } from '../../../../src/contract';
import { api, type Locality } from '../api';
import { type NameDirectory, useDisplayName } from '../displayNames';
import { formatInstant } from '../format';
import { describeEvent } from './historyText';

type Load =
  | { phase: 'loading' }
  | { phase: 'failed'; error: ApiError }
  | { phase: 'ready'; rows: HistoryRow[]; cursor?: string; more: 'idle' | 'pending' | ApiError };

function Who({ accountId, names }: { accountId: string | null; names: NameDirectory }): JSX.Element {
  const name = useDisplayName(names, accountId);
  return <span class="who">{name ?? 'Loading…'}</span>;
}

function Entry({ row, names }: { row: HistoryRow; names: NameDirectory }): JSX.Element {
  if (row.kind === 'acknowledgment') {
    return (
      <>
        <Who accountId={row.accountId} names={names} /> acknowledged statement version {row.version}
      </>
    );
  }
  return <span class="event">{describeEvent(row)}</span>;
}

interface Props {
  names: NameDirectory;
  where: Locality;
  /** Changes whenever the history should be read again from the start (e.g. after an acknowledgment). */
  reloadKey: number;
}

export function History({ names, where, reloadKey }: Props): JSX.Element {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const generation = useRef(0);

  const loadFirst = useCallback(async () => {
    const mine = ++generation.current;
    setLoad({ phase: 'loading' });
    const result = await api.listAcknowledgments({});
    if (mine !== generation.current) return;
    setLoad(
      result.ok
        ? { phase: 'ready', rows: result.data.rows, cursor: result.data.cursor, more: 'idle' }
        : { phase: 'failed', error: result.error },
    );
  }, []);

  useEffect(() => {
    void loadFirst();
  }, [loadFirst, reloadKey]);

  const loadMore = async (): Promise<void> => {
    if (load.phase !== 'ready' || !load.cursor) return;
    const mine = generation.current;
    const before = load;
    setLoad({ ...before, more: 'pending' });
    const result = await api.listAcknowledgments({ cursor: before.cursor });
    if (mine !== generation.current) return;
    setLoad(
      result.ok
        ? { phase: 'ready', rows: [...before.rows, ...result.data.rows], cursor: result.data.cursor, more: 'idle' }
        : { ...before, more: result.error },
    );
  };

  let body: JSX.Element;
  if (load.phase === 'loading') {
    body = (
      <p class="subtle" role="status">
        Loading the history…
      </p>
    );
  } else if (load.phase === 'failed') {
    body = (
      <div class="inline-error" role="alert">
        <p>The history could not be loaded: {load.error.message}</p>
        <button type="button" class="button" onClick={() => void loadFirst()}>
          Retry
        </button>
      </div>
    );
  } else if (load.rows.length === 0) {
    body = <p>No acknowledgments or events yet</p>;
  } else {
    body = (
      <>
        <div class="table-scroll">
          <table class="history-table">
            <caption class="visually-hidden">Receipts: acknowledgments and app events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">What happened</th>
                <th scope="col">When</th>
                <th scope="col">Receipt</th>
              </tr>
            </thead>
            <tbody>
              {load.rows.map((row) => (
                <tr key={row.receiptId} data-kind={row.kind}>
                  <td>
                    <Entry row={row} names={names} />
                  </td>
                  <td>
                    <time dateTime={row.at}>{formatInstant(row.at, where)}</time>
                  </td>
                  <td>#{row.seq}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {typeof load.more === 'object' && (
          <div class="inline-error" role="alert">
            <p>More rows could not be loaded: {load.more.message}</p>
          </div>
        )}
        {load.cursor && (
          <button type="button" class="button" disabled={load.more === 'pending'} onClick={() => void loadMore()}>
            {load.more === 'pending' ? 'Loading…' : typeof load.more === 'object' ? 'Retry loading more' : 'Load more'}
          </button>
        )}
      </>
    );
  }

  return (
    <section class="card" aria-labelledby="history-title" aria-busy={load.phase === 'loading' ? 'true' : undefined}>
      <h2 id="history-title">Acknowledgment history</h2>
      {body}
    </section>
  );
}
