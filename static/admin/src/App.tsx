/**
 * The admin page. The first paint needs exactly one resolver call (getDisclosure, started in main.tsx
 * before the first render); the history, the "what changed" diff, the in-force look-up and the export are
 * their own calls, after the first paint or on demand. The first frame holds what a first screen shows (the
 * header, the label, the acknowledgment); the cards below it follow one per task after that paint
 * (useStagedAfterFirstPaint), so no task after the first paint does much.
 */
import type { JSX, RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Disclosure } from '../../../src/contract';
import type { Tried } from './retry';
import { AcknowledgeControl } from './components/AcknowledgeControl';
import { ChangedSince } from './components/ChangedSince';
import { ExportReceipts } from './components/ExportReceipts';
import { KeepReceipt } from './components/KeepReceipt';
import { FactsSummary } from './components/FactsSummary';
import { PrivacyLabel } from './components/PrivacyLabel';
import { VendorHolds } from './components/VendorHolds';
import { YourRights } from './components/YourRights';
import { Header } from './components/Header';
import { History } from './components/History';
import { InForceOn } from './components/InForceOn';
import { InlineError } from './components/InlineError';
import { Statement, STATEMENT_ANCHOR } from './components/Statement';
import { StatusBanner } from './components/StatusBanner';
import { TranslationNotice } from './components/TranslationNotice';
import { UninstallNotice } from './components/UninstallNotice';
import { Versions } from './components/Versions';
import { NameDirectory } from './display-names';
import { useStagedAfterFirstPaint } from './hooks/use-staged-render';
import { useDisclosure } from './hooks/use-disclosure';
import { useI18n } from './i18n/context';

/** The parts below the first screen, rendered one per task after it painted (in the order they appear). */
const BELOW_STAGES = 5;

interface Props {
  first: Promise<Tried<Disclosure>>;
  /** What `first` settled to, when it already had before the first render. */
  initial?: Tried<Disclosure> | undefined;
}

type DisclosureState = ReturnType<typeof useDisclosure>;
type Translated = NonNullable<Disclosure['translation']>;

/** The page before the disclosure is ready: loading, or why it failed with a Retry. */
function NotReady({ load, retry }: Pick<DisclosureState, 'load' | 'retry'>): JSX.Element {
  const { t } = useI18n();
  return (
    <main class="page" aria-busy={load.phase === 'loading' ? 'true' : undefined}>
      <h1>{t('page.title')}</h1>
      {load.phase === 'failed' ? (
        <InlineError
          what={t('page.loadFailed')}
          code={load.error.code}
          attempts={load.attempts}
          onRetry={retry}
          primary
        />
      ) : (
        <p role="status">{t('page.loading')}</p>
      )}
    </main>
  );
}

interface AcknowledgmentProps extends Pick<DisclosureState, 'ack' | 'notice' | 'acknowledge'> {
  disclosure: Disclosure;
  names: NameDirectory | null;
  translated: Translated | undefined;
  statusRef: RefObject<HTMLDivElement>;
}

/** The acknowledgment card: the draft notice, this site's status, the button, the admin's own receipt. */
function AcknowledgmentCard(props: AcknowledgmentProps): JSX.Element {
  const { t } = useI18n();
  const { disclosure, names, translated, ack, notice, acknowledge, statusRef } = props;
  const { statement, viewer, status } = disclosure;
  const showButton = viewer.canAcknowledge && viewer.acknowledgedCurrent === null;
  return (
    <section class="card" aria-labelledby="ack-title">
      <h2 id="ack-title">{t('ack.title')}</h2>
      {statement.draft && (
        <p class="banner banner-warning" id="draft-notice">
          {t('ack.draft')}
        </p>
      )}
      {names && <StatusBanner disclosure={disclosure} names={names} notice={notice} statusRef={statusRef} />}
      {showButton && (
        <AcknowledgeControl
          version={statement.version}
          state={ack}
          onAcknowledge={() =>
            void acknowledge(translated ? { locale: translated.locale, hash: translated.hash } : undefined)
          }
        />
      )}
      {viewer.isAdmin && viewer.acknowledgedCurrent?.accountId && (
        <KeepReceipt which={{ accountId: viewer.acknowledgedCurrent.accountId }} />
      )}
      {!viewer.isAdmin && <p class="subtle ack-admins-only">{t('ack.adminsOnly')}</p>}
      {status.state === 'outdated' && <ChangedSince from={status.last.version} to={statement.version} />}
    </section>
  );
}

interface BelowProps {
  /** How many of the stages below the first screen are rendered yet. */
  below: number;
  disclosure: Disclosure;
  shownStatement: Disclosure['statement'];
  contentLang: string | undefined;
  names: NameDirectory | null;
  historyKey: number;
  exportRef: RefObject<HTMLHeadingElement>;
}

/** The cards below the first screen, each stage once `below` reaches it. */
function BelowFirstScreen(props: BelowProps): JSX.Element {
  const { below, disclosure, shownStatement, contentLang, names, historyKey, exportRef } = props;
  const { facts } = shownStatement;
  const { viewer, statement } = disclosure;
  return (
    <>
      {below >= 1 && <FactsSummary facts={facts} evidence={disclosure.evidence} lang={contentLang} />}
      {below >= 2 && (
        <>
          <VendorHolds facts={facts} lang={contentLang} />
          <YourRights facts={facts} lang={contentLang} />
        </>
      )}
      {below >= 3 && <Statement statement={shownStatement} lang={contentLang} />}
      {below >= 4 && (
        <Versions versions={disclosure.versions} current={statement.version}>
          {viewer.isAdmin && names && <InForceOn names={names} />}
        </Versions>
      )}
      {below >= 5 && viewer.isAdmin && names && <History names={names} reloadKey={historyKey} />}
      {below >= 5 && viewer.isAdmin && <ExportReceipts headingRef={exportRef} />}
    </>
  );
}

/** Scrolls to a part of the page and moves the focus there. */
function goTo(target: HTMLElement | null): void {
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

export function App({ first, initial }: Props): JSX.Element {
  const { load, ack, notice, historyKey, focusToken, retry, acknowledge } = useDisclosure(first, initial);
  const [original, setOriginal] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const exportRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusToken > 0) statusRef.current?.focus();
  }, [focusToken]);

  const product = load.phase === 'ready' ? load.disclosure.product : null;
  const names = useMemo(() => (product ? NameDirectory.forProduct(product) : null), [product]);
  const below = useStagedAfterFirstPaint(load.phase === 'ready', BELOW_STAGES);

  if (load.phase !== 'ready') return <NotReady load={load} retry={retry} />;

  const disclosure = load.disclosure;
  const { statement, viewer, translation } = disclosure;
  const translated = translation && !original ? translation : undefined;
  const shownStatement = translated ? translated.statement : statement;
  const contentLang = translated ? translated.locale : undefined;
  const readOriginal = (): void => {
    setOriginal(true);
    requestAnimationFrame(() => goTo(document.getElementById(STATEMENT_ANCHOR)));
  };

  return (
    <>
      <Header statement={statement} facts={shownStatement.facts} lang={contentLang} />
      <main class="page" data-rendered={below >= BELOW_STAGES ? 'all' : 'first-screen'}>
        {translation && (
          <TranslationNotice
            translation={translation}
            current={statement.version}
            original={original}
            onReadOriginal={readOriginal}
            onShowTranslation={() => setOriginal(false)}
          />
        )}
        <PrivacyLabel facts={shownStatement.facts} evidence={disclosure.evidence} />
        {viewer.isAdmin && (
          <UninstallNotice facts={shownStatement.facts} onGoToExport={() => goTo(exportRef.current)} />
        )}
        <AcknowledgmentCard {...{ disclosure, names, translated, ack, notice, acknowledge, statusRef }} />
        <BelowFirstScreen {...{ below, disclosure, shownStatement, contentLang, names, historyKey, exportRef }} />
      </main>
    </>
  );
}
