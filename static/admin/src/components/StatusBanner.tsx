/**
 * The site's acknowledgment status, as a live region: announced when it changes, and focusable
 * (tabIndex -1) so the page can move focus to it after an acknowledgment.
 */
import type { ComponentChild, JSX, Ref } from 'preact';
import type { AcknowledgmentView, Disclosure, VersionSummary } from '../../../../src/contract';
import { type NameDirectory, useDisplayName, Who } from '../display-names';
import { useI18n } from '../i18n/context';

interface Props {
  disclosure: Disclosure;
  names: NameDirectory;
  notice: string | null;
  statusRef: Ref<HTMLDivElement>;
}

/** The name of who acknowledged, for admins; undefined for everyone else (their payload carries no account ids). */
function useBy(
  ack: AcknowledgmentView,
  names: NameDirectory,
  showNames: boolean,
): { by?: ComponentChild; busy: boolean } {
  const name = useDisplayName(names, showNames ? ack.accountId : null);
  if (!showNames) return { busy: false };
  return name === undefined ? { busy: true } : { by: <Who name={name} />, busy: false };
}

function ChangeList({ versions }: { versions: VersionSummary[] }): JSX.Element | null {
  const { t } = useI18n();
  const changed = versions.filter((v) => v.change !== null);
  if (changed.length === 0) return null;
  return (
    <ul class="change-list">
      {changed.map((v) => (
        <li key={v.version}>
          <span class="change-version">{t('status.changeVersion', { version: v.version })}</span>{' '}
          <span data-content="statement">{v.change?.summary}</span>
        </li>
      ))}
    </ul>
  );
}

function Acknowledged({ disclosure, names }: Omit<Props, 'notice' | 'statusRef'>): JSX.Element {
  const { t, rich, instantDate } = useI18n();
  const status = disclosure.status;
  if (status.state !== 'acknowledged') throw new Error('unreachable');
  const { by, busy } = useBy(status.first, names, disclosure.viewer.isAdmin);
  const current = disclosure.statement.version;
  const editorial = disclosure.versions.filter((v) => v.version > status.first.version && v.version <= current);
  const params = { date: instantDate(status.first.at), version: status.first.version };
  return (
    <div class="banner banner-success" aria-busy={busy ? 'true' : undefined}>
      <p class="banner-title">
        {by === undefined ? t('status.acknowledged', params) : rich('status.acknowledgedBy', { ...params, name: by })}
      </p>
      {editorial.length > 0 && (
        <div class="banner-notice">
          <p>{t('status.editorial', { version: current })}</p>
          <ChangeList versions={editorial} />
        </div>
      )}
    </div>
  );
}

function Outdated({ disclosure, names }: Omit<Props, 'notice' | 'statusRef'>): JSX.Element {
  const { t, rich, instantDate } = useI18n();
  const status = disclosure.status;
  if (status.state !== 'outdated') throw new Error('unreachable');
  const { by, busy } = useBy(status.last, names, disclosure.viewer.isAdmin);
  const params = { date: instantDate(status.last.at), version: status.last.version };
  return (
    <div class="banner banner-warning" aria-busy={busy ? 'true' : undefined}>
      <p class="banner-title">
        {by === undefined ? t('status.outdated', params) : rich('status.outdatedBy', { ...params, name: by })}
      </p>
      <p>{t('status.whatChanged')}</p>
      <ChangeList versions={status.changedSince} />
    </div>
  );
}

function Never(): JSX.Element {
  const { t } = useI18n();
  return (
    <div class="banner banner-neutral">
      <p class="banner-title">{t('status.never')}</p>
    </div>
  );
}

/** Storage did not answer the status just now: say so, never "not acknowledged" (the page reads again). */
function Unavailable(): JSX.Element {
  const { t } = useI18n();
  return (
    <div class="banner banner-neutral" id="status-unavailable">
      <p class="banner-title">{t('status.unavailable')}</p>
      <p>{t('status.unavailableDetail')}</p>
    </div>
  );
}

export function StatusBanner({ disclosure, names, notice, statusRef }: Props): JSX.Element {
  const { t, instantDate, relativeDays } = useI18n();
  const own = disclosure.viewer.acknowledgedCurrent;
  return (
    <div id="status" class="status" role="status" aria-live="polite" tabIndex={-1} ref={statusRef}>
      {notice && <p class="banner banner-info">{notice}</p>}
      {disclosure.status.state === 'acknowledged' ? (
        <Acknowledged disclosure={disclosure} names={names} />
      ) : disclosure.status.state === 'outdated' ? (
        <Outdated disclosure={disclosure} names={names} />
      ) : disclosure.status.state === 'unavailable' ? (
        <Unavailable />
      ) : (
        <Never />
      )}
      {own && (
        <p class="own-ack">
          {t('status.own', { version: own.version, date: instantDate(own.at), relative: relativeDays(own.at) })}
        </p>
      )}
    </div>
  );
}
