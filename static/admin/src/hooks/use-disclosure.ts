/**
 * The page's state: the disclosure (from the one call main.tsx started before the first render), the
 * acknowledgment in flight, the notice after a stale refusal, and the tokens that reload the history and
 * move focus to the status once an acknowledgment settles.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AcknowledgePayload, ApiError, Disclosure } from '../../../../src/contract';
import { api } from '../api';
import { useI18n } from '../i18n/context';
import type { Tried } from '../retry';

/** `attempts`: how many times the page asked before it gave up (retry.ts). */
export type Load =
  | { phase: 'loading' }
  | { phase: 'failed'; error: ApiError; attempts: number }
  | { phase: 'ready'; disclosure: Disclosure };
/** `retry`: set while the page waits to ask again after a transient failure (1 for the first retry). */
export type AckState =
  { phase: 'idle' } | { phase: 'pending'; retry?: number } | { phase: 'failed'; error: ApiError; attempts: number };

export interface DisclosureState {
  load: Load;
  ack: AckState;
  notice: string | null;
  /** Changes whenever the history should be read again. */
  historyKey: number;
  /** Changes whenever focus should move to the status. */
  focusToken: number;
  retry: () => void;
  /** Acknowledges the version in force; `shown` names the translation read, when it was one. */
  acknowledge: (shown?: AcknowledgePayload['shown']) => Promise<void>;
}

const loadOf = (result: Tried<Disclosure>): Load =>
  result.ok
    ? { phase: 'ready', disclosure: result.data }
    : { phase: 'failed', error: result.error, attempts: result.attempts };

/** `initial`: what `first` settled to before the first render, so that render is already the page. */
export function useDisclosure(first: Promise<Tried<Disclosure>>, initial?: Tried<Disclosure>): DisclosureState {
  const { t, locale } = useI18n();
  const [load, setLoad] = useState<Load>(() => (initial ? loadOf(initial) : { phase: 'loading' }));
  const [ack, setAck] = useState<AckState>({ phase: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [focusToken, setFocusToken] = useState(0);

  const accept = (result: Tried<Disclosure>): void => {
    setLoad(loadOf(result));
  };

  useEffect(() => {
    if (!initial) void first.then(accept);
  }, [first]);

  // Storage did not answer the status (the statement is shown all the same): read again after the wait the
  // app asked for, spread at random so many open pages do not ask at once, until a real status arrives. A
  // re-read that fails outright is simply tried again after the same kind of wait.
  const [rereads, setRereads] = useState(0);
  useEffect(() => {
    if (load.phase !== 'ready' || load.disclosure.status.state !== 'unavailable') return;
    const waitMs = load.disclosure.status.retryAfterSeconds * 1000 * (1 + Math.random());
    const timer = setTimeout(() => {
      void api.getDisclosure({ locale }).then((result) => {
        if (result.ok) setLoad({ phase: 'ready', disclosure: result.data });
        else setRereads((n) => n + 1);
      });
    }, waitMs);
    return () => clearTimeout(timer);
  }, [load, rereads]);

  /** After an acknowledgment (or a stale refusal): the new disclosure, a notice, history reloaded, focus on the status. */
  const settle = (next: Disclosure, message: string | null): void => {
    setLoad({ phase: 'ready', disclosure: next });
    setNotice(message);
    setAck({ phase: 'idle' });
    setHistoryKey((k) => k + 1);
    setFocusToken((k) => k + 1);
  };

  const retry = (): void => {
    setLoad({ phase: 'loading' });
    void api.getDisclosure({ locale }).then(accept);
  };

  const acknowledge = async (shown?: AcknowledgePayload['shown']): Promise<void> => {
    if (load.phase !== 'ready') return;
    const disclosure = load.disclosure;
    const { statement, viewer } = disclosure;
    setAck({ phase: 'pending' });
    // Retried as one: the app records one acknowledgment per admin and version, however often it is asked.
    const result = await api.acknowledge(
      { version: statement.version, hash: statement.hash, ...(shown ? { shown } : {}) },
      { onWait: (retry) => setAck({ phase: 'pending', retry }) },
    );
    if (result.ok) {
      settle(
        {
          ...disclosure,
          status: result.data.status,
          viewer: { ...viewer, acknowledgedCurrent: result.data.acknowledgment },
        },
        null,
      );
      return;
    }
    if (result.error.code === 'STALE_STATEMENT') {
      const fresh = await api.getDisclosure({ locale });
      if (fresh.ok) {
        settle(fresh.data, t('ack.staleNotice', { version: fresh.data.statement.version }));
        return;
      }
      setAck({ phase: 'failed', error: fresh.error, attempts: fresh.attempts });
      return;
    }
    setAck({ phase: 'failed', error: result.error, attempts: result.attempts });
  };

  return { load, ack, notice, historyKey, focusToken, retry, acknowledge };
}
