/**
 * How one statement fact reads on the page: yes/no, a retention, a stated text, and "Not stated" in its
 * own visible style (never a guess). `data-fact` names the field it renders, so tests can check that
 * every `not-stated` answer shows. The page's words come from the catalog; the statement's own texts are
 * marked as content (`Content`), in the language of the text shown.
 */
import type { ComponentChildren, JSX } from 'preact';
import type { HostingModel, Retention, Stated, YesNo } from '../../../../src/contract';
import { useI18n } from '../i18n/context';
import type { Translator } from '../i18n/translator';

/** Statement text inside the page's words: `lang` when it is a translation. */
export function Content({ children, lang }: { children: ComponentChildren; lang?: string }): JSX.Element {
  return (
    <span data-content="statement" lang={lang}>
      {children}
    </span>
  );
}

/** Whether the app runs on the customer's own servers (Data Center, Server) rather than in the cloud. */
export function onPremise(model: Stated<HostingModel>): boolean {
  return model === 'data-center' || model === 'server';
}

/** The catalog key suffix for wording that follows the hosting model: "Atlassian" or "your servers" (an unstated model reads as the cloud's). */
export function homeKey(model: Stated<HostingModel>): 'cloud' | 'onPremise' {
  return onPremise(model) ? 'onPremise' : 'cloud';
}

export function NotStated({ path }: { path: string }): JSX.Element {
  const { t } = useI18n();
  return (
    <span class="not-stated" data-fact={path}>
      {t('value.notStated')}
    </span>
  );
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
  const { t } = useI18n();
  if (value === 'not-stated') return <NotStated path={path} />;
  return <>{words ? words[value ? 0 : 1] : t(value ? 'common.yes' : 'common.no')}</>;
}

/** A stated retention: the page's words for "until uninstall" and days, the statement's own text as content. */
export function retentionValue(value: Exclude<Retention, 'not-stated'>, { t }: Translator): ComponentChildren {
  if (value === 'until-uninstall') return t('value.untilUninstall');
  return 'days' in value ? t('value.days', { count: value.days }) : <Content>{value.text}</Content>;
}

export function RetentionValue({ value, path }: { value: Retention; path: string }): JSX.Element {
  const i18n = useI18n();
  return value === 'not-stated' ? <NotStated path={path} /> : <>{retentionValue(value, i18n)}</>;
}

/** A stated text (or list, joined) from the statement, or "Not stated". */
export function StatedValue({
  value,
  path,
  empty,
}: {
  value: Stated<string | number | string[]>;
  path: string;
  /** The page's words for an empty list. */
  empty?: string;
}): JSX.Element {
  if (value === 'not-stated') return <NotStated path={path} />;
  if (Array.isArray(value) && value.length === 0) return <>{empty ?? ''}</>;
  return <Content>{Array.isArray(value) ? value.join(', ') : String(value)}</Content>;
}
