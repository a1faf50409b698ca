/**
 * The site's acknowledgment status, as a live region: announced when it changes, and focusable
 * (tabIndex -1) so the page can move focus to it after an acknowledgment.
 */
import type { JSX, Ref } from 'preact';
import type { AcknowledgmentView, Disclosure, VersionSummary } from '../../../../src/contract';
import type { Locality } from '../api';
import { DELETED_ACCOUNT, type NameDirectory, useDisplayName } from '../displayNames';
import { formatInstantDate } from '../format';

interface Props {
  disclosure: Disclosure;
  names: NameDirectory;
  where: Locality;
  notice: string | null;
  statusRef: Ref<HTMLDivElement>;
}

/** "by NAME" for admins; nothing for everyone else (their payload carries no account ids). */
function useBy(ack: AcknowledgmentView, names: NameDirectory, showNames: boolean): { by: string; busy: boolean } {
  const name = useDisplayName(names, showNames ? ack.accountId : null);
  if (!showNames) return { by: '', busy: false };
  if (ack.accountId === null) return { by: ` by ${DELETED_ACCOUNT}`, busy: false };
  return name === undefined ? { by: '', busy: true } : { by: ` by ${name}`, busy: false };
}

function ChangeList({ versions }: { versions: VersionSummary[] }): JSX.Element | null {
  const changed = versions.filter((v) => v.change !== null);
  if (changed.length === 0) return null;
  return (
    <ul class="change-list">
      {changed.map((v) => (
        <li key={v.version}>
          <span class="change-version">Version {v.version}:</span> {v.change?.summary}
        </li>
      ))}
    </ul>
  );
}

function Acknowledged({ disclosure, names, where }: Omit<Props, 'notice' | 'statusRef'>): JSX.Element {
  const status = disclosure.status;
  if (status.state !== 'acknowledged') throw new Error('unreachable');
  const { by, busy } = useBy(status.first, names, disclosure.viewer.isAdmin);
  const current = disclosure.statement.version;
  const editorial = disclosure.versions.filter((v) => v.version > status.first.version && v.version <= current);
  return (
    <div class="banner banner-success" aria-busy={busy ? 'true' : undefined}>
      <p class="banner-title">
        Acknowledged{by} on {formatInstantDate(status.first.at, where)} (version {status.first.version})
      </p>
      {editorial.length > 0 && (
        <div class="banner-notice">
          <p>Version {current} changed only editorially since then, so the acknowledgment stands.</p>
          <ChangeList versions={editorial} />
        </div>
      )}
    </div>
  );
}

function Outdated({ disclosure, names, where }: Omit<Props, 'notice' | 'statusRef'>): JSX.Element {
  const status = disclosure.status;
  if (status.state !== 'outdated') throw new Error('unreachable');
  const { by, busy } = useBy(status.last, names, disclosure.viewer.isAdmin);
  return (
    <div class="banner banner-warning" aria-busy={busy ? 'true' : undefined}>
      <p class="banner-title">
        The statement changed since version {status.last.version} was acknowledged{by} on{' '}
        {formatInstantDate(status.last.at, where)}
      </p>
      <p>What changed:</p>
      <ChangeList versions={status.changedSince} />
    </div>
  );
}

function Never(): JSX.Element {
  return (
    <div class="banner banner-neutral">
      <p class="banner-title">Not acknowledged yet</p>
    </div>
  );
}

export function StatusBanner({ disclosure, names, where, notice, statusRef }: Props): JSX.Element {
  const own = disclosure.viewer.acknowledgedCurrent;
  return (
    <div id="status" class="status" role="status" aria-live="polite" tabIndex={-1} ref={statusRef}>
      {notice && <p class="banner banner-info">{notice}</p>}
      {disclosure.status.state === 'acknowledged' ? (
        <Acknowledged disclosure={disclosure} names={names} where={where} />
      ) : disclosure.status.state === 'outdated' ? (
        <Outdated disclosure={disclosure} names={names} where={where} />
      ) : (
        <Never />
      )}
      {own && (
        <p class="own-ack">
          You acknowledged version {own.version} on {formatInstantDate(own.at, where)}.
        </p>
      )}
    </div>
  );
}
