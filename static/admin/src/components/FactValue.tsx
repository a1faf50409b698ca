/**
 * How one statement fact reads on the page: yes/no, a retention, a stated text, and "Not stated" in its
 * own visible style (never a guess). `data-fact` names the field it renders, so tests can check that
 * every `not-stated` answer shows.
 */
import type { JSX } from 'preact';
import type { HostingModel, Retention, Stated, YesNo } from '../../../../src/contract';

const TEXT = {
  notStated: 'Not stated',
  yes: 'Yes',
  no: 'No',
  untilUninstall: 'Until the app is uninstalled',
  days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
  atlassian: 'Atlassian',
  yourServers: 'your servers',
};

/** Whether the app runs on the customer's own servers (Data Center, Server) rather than in the cloud. */
export function onPremise(model: HostingModel): boolean {
  return model === 'data-center' || model === 'server';
}

/** "Atlassian" or "your servers": where data stays unless the statement says it leaves. */
export function homeOf(model: HostingModel): string {
  return onPremise(model) ? TEXT.yourServers : TEXT.atlassian;
}

export function NotStated({ path }: { path: string }): JSX.Element {
  return (
    <span class="not-stated" data-fact={path}>
      {TEXT.notStated}
    </span>
  );
}

export function yesNoText(value: boolean): string {
  return value ? TEXT.yes : TEXT.no;
}

export function YesNoValue({
  value,
  path,
  words,
}: {
  value: YesNo;
  path: string;
  /** What yes and no read as here, e.g. ['Collected', 'None collected']; default Yes / No. */
  words?: readonly [yes: string, no: string];
}): JSX.Element {
  if (value === 'not-stated') return <NotStated path={path} />;
  return <>{words ? words[value ? 0 : 1] : yesNoText(value)}</>;
}

export function retentionText(value: Exclude<Retention, 'not-stated'>): string {
  if (value === 'until-uninstall') return TEXT.untilUninstall;
  return 'days' in value ? TEXT.days(value.days) : value.text;
}

export function RetentionValue({ value, path }: { value: Retention; path: string }): JSX.Element {
  return value === 'not-stated' ? <NotStated path={path} /> : <>{retentionText(value)}</>;
}

/** A stated text (or list, joined), or "Not stated". */
export function StatedValue({
  value,
  path,
  empty,
}: {
  value: Stated<string | number | string[]>;
  path: string;
  /** Shown for an empty list. */
  empty?: string;
}): JSX.Element {
  if (value === 'not-stated') return <NotStated path={path} />;
  if (Array.isArray(value)) return <>{value.length === 0 ? (empty ?? '') : value.join(', ')}</>;
  return <>{String(value)}</>;
}
