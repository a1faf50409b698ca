/**
 * The admin page. The first paint needs exactly one resolver call (getDisclosure, started in main.tsx
 * before the first render); the history, the "what changed" diff, the in-force look-up and the export are
 * their own calls, after the first paint or on demand.
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiError, Disclosure, Result } from '../../../src/contract';
import { api, type Locality } from './api';
import { AcknowledgeControl, type AckState } from './components/AcknowledgeControl';
import { ChangedSince } from './components/ChangedSince';
import { ExportReceipts } from './components/ExportReceipts';
import { FactsSummary } from './components/FactsSummary';
import { PrivacyLabel } from './components/PrivacyLabel';
import { VendorHolds } from './components/VendorHolds';
import { YourRights } from './components/YourRights';
import { Header } from './components/Header';
import { History } from './components/History';
import { InForceOn } from './components/InForceOn';
import { Statement } from './components/Statement';
import { StatusBanner } from './components/StatusBanner';
import { UninstallNotice } from './components/UninstallNotice';
import { Versions } from './components/Versions';
import { NameDirectory } from './displayNames';

type Load = { phase: 'loading' } | { phase: 'failed'; error: ApiError } | { phase: 'ready'; disclosure: Disclosure };

interface Props {
  first: Promise<Result<Disclosure>>;
  where: Locality;
}

export function App({ first, where }: Props): JSX.Element {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [ack, setAck] = useState<AckState>({ phase: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [focusToken, setFocusToken] = useState(0);
  const statusRef = useRef<HTMLDivElement>(null);
  const exportRef = useRef<HTMLHeadingElement>(null);

  const accept = (result: Result<Disclosure>): void => {
    setLoad(result.ok ? { phase: 'ready', disclosure: result.data } : { phase: 'failed', error: result.error });
  };

  useEffect(() => {
    first.then(accept);
  }, [first]);

  useEffect(() => {
    if (focusToken > 0) statusRef.current?.focus();
  }, [focusToken]);

  const product = load.phase === 'ready' ? load.disclosure.product : null;
  const names = useMemo(() => (product ? NameDirectory.forProduct(product) : null), [product]);

  if (load.phase === 'loading') {
    return (
      <main class="page" aria-busy="true">
        <h1>Privacy Panel</h1>
        <p role="status">Loading the data-handling statement…</p>
      </main>
    );
  }
  if (load.phase === 'failed') {
    return (
      <main class="page">
        <h1>Privacy Panel</h1>
        <div class="inline-error" role="alert">
          <p>The statement could not be loaded: {load.error.message}</p>
          <button
            type="button"
            class="button button-primary"
            onClick={() => {
              setLoad({ phase: 'loading' });
              void api.getDisclosure().then(accept);
            }}
          >
            Retry
          </button>
        </div>
      </main>
    );
  }

  const disclosure = load.disclosure;
  const { statement, viewer } = disclosure;

  /** After an acknowledgment (or a stale refusal): the new disclosure, a notice, history reloaded, focus on the status. */
  const settle = (next: Disclosure, message: string | null): void => {
    setLoad({ phase: 'ready', disclosure: next });
    setNotice(message);
    setAck({ phase: 'idle' });
    setHistoryKey((k) => k + 1);
    setFocusToken((t) => t + 1);
  };

  const acknowledge = async (): Promise<void> => {
    setAck({ phase: 'pending' });
    const result = await api.acknowledge({ version: statement.version, hash: statement.hash });
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
      const fresh = await api.getDisclosure();
      if (fresh.ok) {
        settle(
          fresh.data,
          `The statement was updated while you were reading; review version ${fresh.data.statement.version} and acknowledge again.`,
        );
        return;
      }
      setAck({ phase: 'failed', error: fresh.error });
      return;
    }
    setAck({ phase: 'failed', error: result.error });
  };

  const showButton = viewer.canAcknowledge && viewer.acknowledgedCurrent === null;
  const status = disclosure.status;
  const goToExport = (): void => {
    const heading = exportRef.current;
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };

  return (
    <>
      <Header statement={statement} where={where} />
      <main class="page">
        <PrivacyLabel facts={statement.facts} evidence={disclosure.evidence} />
        {viewer.isAdmin && <UninstallNotice onGoToExport={goToExport} />}
        <section class="card" aria-labelledby="ack-title">
          <h2 id="ack-title">Acknowledgment</h2>
          {names && (
            <StatusBanner disclosure={disclosure} names={names} where={where} notice={notice} statusRef={statusRef} />
          )}
          {showButton && (
            <AcknowledgeControl version={statement.version} state={ack} onAcknowledge={() => void acknowledge()} />
          )}
          {status.state === 'outdated' && <ChangedSince from={status.last.version} to={statement.version} />}
        </section>
        <FactsSummary facts={statement.facts} evidence={disclosure.evidence} />
        <VendorHolds facts={statement.facts} />
        <YourRights facts={statement.facts} />
        <Statement statement={statement} />
        <Versions versions={disclosure.versions} current={statement.version} where={where}>
          {viewer.isAdmin && names && <InForceOn names={names} where={where} />}
        </Versions>
        {viewer.isAdmin && names && <History names={names} where={where} reloadKey={historyKey} />}
        {viewer.isAdmin && <ExportReceipts headingRef={exportRef} />}
      </main>
    </>
  );
}
