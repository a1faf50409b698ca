/**
 * The panel inside a host's own Custom UI (`privacy-panel/mount`): a host whose Jira admin page is already
 * taken shows the panel on one of its routes. The page's `invoke` calls then reach the host's resolver, so
 * the host registers the panel there (`registerPrivacyPanel` from `privacy-panel/forge`). Styles ship as
 * `privacy-panel/mount.css`, imported by the host (no inline style: the default Custom UI CSP forbids it);
 * every rule in it is scoped to the mount element's class (vite.mount.config.ts), so the host keeps its look.
 */
import { render } from 'preact';
import { startPanel, type StartOptions } from './start';
import './styles.css';

export type MountOptions = Pick<StartOptions, 'theme'>;

/** The class that scopes mount.css; the mount build prefixes every selector with it. */
const SCOPE_CLASS = 'privacy-panel-mount';

/** Renders the panel into `element`; returns a function that unmounts it and takes the scope class off. */
export async function mountPrivacyPanel(element: Element, options: MountOptions = {}): Promise<() => void> {
  element.classList.add(SCOPE_CLASS);
  await startPanel(element, { ...options, documentLang: false });
  return () => {
    render(null, element);
    element.classList.remove(SCOPE_CLASS);
  };
}
