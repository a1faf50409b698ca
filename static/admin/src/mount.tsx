/**
 * The panel inside a host's own Custom UI (`privacy-panel/mount`): a host whose Jira admin page is already
 * taken shows the panel on one of its routes. The page's `invoke` calls then reach the host's resolver, so
 * the host registers the panel there (`registerPrivacyPanel` from `privacy-panel/forge`). Styles ship as
 * `privacy-panel/mount.css`, imported by the host (no inline style: the default Custom UI CSP forbids it).
 */
import { render } from 'preact';
import { api, enableTheme, loadLocality } from './api';
import { App } from './App';
import './styles.css';

export interface MountOptions {
  /** Call view.theme.enable() first; default true. Pass false when the host already enabled theming. */
  theme?: boolean;
}

/** Renders the panel into `element`; returns a function that unmounts it. */
export async function mountPrivacyPanel(element: Element, options: MountOptions = {}): Promise<() => void> {
  const first = api.getDisclosure();
  const [, where] = await Promise.all([options.theme === false ? undefined : enableTheme(), loadLocality()]);
  render(<App first={first} where={where} />, element);
  return () => render(null, element);
}
