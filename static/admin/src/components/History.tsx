/** Who acknowledged which version, when: its own call after the disclosure, paginated with "Load more". */
import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError, HistoryRow } from '../../../../src/contract';
import { api, type Locality } from '../api';
import { type NameDirectory, useDisplayName } from '../displayNames';
import { formatInstant } from '../format';

type Load =
  | { phase: 'loading' }
  | { phase: 'failed'; error: ApiError }
  | { phase: 'ready'; rows: HistoryRow[]; cursor?: string; more: 'idle' | 'pending' | ApiError };

function Who({ accountId, names }: { accountId: string | null; names: NameDirectory }): JSX.Element {
  const name = useDisplayName(names, accountId);
  return <>{name ?? 'Loading…'}</>;
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
    body = <p class="subtle" role="status">Loading the history…</p>;
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
    body = <p>No acknowledgments yet</p>;
  } else {
    body = (
      <>
        <div class="table-scroll">
          <table class="history-table">
            <caption class="visually-hidden">Acknowledgments, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Version</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {load.rows.map((row) => (
                <tr key={row.receiptId}>
                  <td>
                    <Who accountId={row.accountId} names={names} />
                  </td>
                  <td>{row.version}</td>
                  <td>
                    <time dateTime={row.at}>{formatInstant(row.at, where)}</time>
                  </td>
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
