/**
 * The panel inside a host's own Custom UI (`privacy-panel/mount`): a host whose Jira admin page is already
 * taken shows the panel on one of its routes. The page's `invoke` calls then reach the host's resolver, so
 * the host registers the panel there (`registerPrivacyPanel` from `privacy-panel/forge`). Styles ship as
 * `privacy-panel/mount.css`, imported by the host (no inline style: the default Custom UI CSP forbids it);
 * every rule in it is scoped to the mount element's class (vite.mount.config.ts), so the host keeps its look.
 *
 * Routing is the host's: a host with a router mounts the panel in its route's element; a host routing with
 * Forge's `view.createHistory()` passes that history and the route, and the panel shows while the history
 * is there. The panel's element ids are made unique per mount, so they never resolve to the host's elements.
 */
import { render } from 'preact';
import { startPanel, type StartOptions } from './start';
import './styles.css';

/** The part of a `history` object (view.createHistory(), history v4 or v5) the panel reads. */
export interface HistoryLike {
  location: { pathname: string };
  /** history v4 passes the location, v5 an update holding it. */
  listen(listener: (update: { pathname: string } | { location: { pathname: string } }) => void): () => void;
}

export interface MountOptions extends Pick<StartOptions, 'theme'> {
  /** The host's history (from `view.createHistory()`): the panel shows only while it is at `route`. */
  history?: HistoryLike;
  /** The sub-page's route, e.g. `/privacy-panel`; with `history`, default `/privacy-panel`. */
  route?: string;
}

/** The class that scopes mount.css; the mount build prefixes every selector with it. */
const SCOPE_CLASS = 'privacy-panel-mount';

/** Attributes that name an element id (space-separated lists for the aria ones). */
const ID_REFS = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns'];

let mounts = 0;

/**
 * Prefixes every id under `root` and every reference to one (the attributes above, `href="#id"`), now and
 * as the panel renders more: two mounts, or a mount and the host, never share an id.
 */
function scopeIds(root: Element, prefix: string): () => void {
  const local = new Set<string>();
  const fix = (el: Element): void => {
    const id = el.getAttribute('id');
    if (id && !id.startsWith(prefix)) {
      local.add(id);
      el.setAttribute('id', prefix + id);
    }
  };
  const fixRefs = (el: Element): void => {
    for (const name of ID_REFS) {
      const value = el.getAttribute(name);
      if (!value) continue;
      const next = value
        .split(/\s+/)
        .map((ref) => (ref && !ref.startsWith(prefix) ? prefix + ref : ref))
        .join(' ');
      if (next !== value) el.setAttribute(name, next);
    }
    const href = el.getAttribute('href');
    if (href?.startsWith('#') && href.length > 1 && !href.startsWith(`#${prefix}`))
      el.setAttribute('href', `#${prefix}${href.slice(1)}`);
  };
  const sweep = (node: Node): void => {
    if (!(node instanceof Element)) return;
    // The mount element is the host's: its id and attributes stay as the host wrote them.
    for (const el of [node, ...node.querySelectorAll('*')]) {
      if (el === root) continue;
      fix(el);
      fixRefs(el);
    }
  };
  sweep(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach(sweep);
      else if (record.target instanceof Element) sweep(record.target);
    }
  });
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['id', 'href', ...ID_REFS],
  });
  return () => observer.disconnect();
}

function pathnameOf(update: { pathname: string } | { location: { pathname: string } }): string {
  return 'location' in update ? update.location.pathname : update.pathname;
}

async function show(element: Element, options: MountOptions, prefix: string): Promise<() => void> {
  element.classList.add(SCOPE_CLASS);
  const unscope = scopeIds(element, prefix);
  await startPanel(element, { ...(options.theme === undefined ? {} : { theme: options.theme }), documentLang: false });
  return () => {
    render(null, element);
    unscope();
    element.classList.remove(SCOPE_CLASS);
  };
}

/**
 * Renders the panel into `element`; returns a function that unmounts it and takes the scope class off. With
 * `history`, the panel is rendered while the history is at `route` and taken out when it leaves.
 */
export async function mountPrivacyPanel(element: Element, options: MountOptions = {}): Promise<() => void> {
  const prefix = `pp${++mounts}-`;
  const { history } = options;
  if (!history) return show(element, options, prefix);
  const route = options.route ?? '/privacy-panel';
  /** The panel while it is shown: the promise of its unmount function. */
  const shown: { current: Promise<() => void> | null } = { current: null };
  const follow = (pathname: string): void => {
    const here = pathname === route || pathname.startsWith(`${route}/`);
    if (here && !shown.current) shown.current = show(element, options, prefix);
    else if (!here && shown.current) {
      const leaving = shown.current;
      shown.current = null;
      void leaving.then((undo) => undo());
    }
  };
  const unlisten = history.listen((update) => follow(pathnameOf(update)));
  follow(history.location.pathname);
  if (shown.current) await shown.current;
  return () => {
    unlisten();
    follow('');
  };
}
