/**
 * The panel inside a host's own Custom UI (`privacy-panel/mount`): a host whose Jira admin page is already
 * taken shows the panel on one of its routes. The page's `invoke` calls then reach the host's resolver, so
 * the host registers the panel there (`registerPrivacyPanel` from `privacy-panel/forge`). Styles ship as
 * `privacy-panel/mount.css`, imported by the host (no inline style: the default Custom UI CSP forbids it).
 */
import { render } from 'preact';
import { startPanel, type StartOptions } from './start';
import './styles.css';

export type MountOptions = Pick<StartOptions, 'theme'>;

/** Renders the panel into `element`; returns a function that unmounts it. */
export async function mountPrivacyPanel(element: Element, options: MountOptions = {}): Promise<() => void> {
  await startPanel(element, { ...options, documentLang: false });
  return () => render(null, element);
}
