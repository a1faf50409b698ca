/**
 * What the preview answers for the page's bridge (`invoke`, `getContext`, `enableTheming`, `fetchProduct`) and
 * for the control strip's actions. Who is calling is the preview's own state, never taken from the page.
 */
import type { Product } from '../../src/contract';
import { askProduct, installContextOf, type PreviewBackend, type Theme } from './backend';
import { isRecord } from './http';

const MODULE_KEY = 'privacy-panel-admin';

/** The Forge context the page's `view.getContext()` receives. */
export function previewContext(backend: PreviewBackend, timezone: string): Record<string, unknown> {
  const { accountId, product } = backend.viewpoint;
  return {
    accountId,
    cloudId: installContextOf(product).split('/').pop(),
    siteUrl: 'https://preview-site.atlassian.net',
    extension: { type: product === 'jira' ? 'jira:adminPage' : 'confluence:globalSettings' },
    localId: `preview-${product}-admin-page`,
    moduleKey: MODULE_KEY,
    locale: backend.viewpoint.locale,
    timezone,
    environmentType: 'DEVELOPMENT',
  };
}

/** What the host answers for view.theme.enable(): the colour mode of the preview's viewpoint. */
export const previewTheme = (backend: PreviewBackend): { colorMode: Theme } => ({ colorMode: backend.viewpoint.theme });

/** One bridge call of the page: `invoke` runs the real resolver handler against the emulator. */
export async function answerBridge(
  backend: PreviewBackend,
  timezone: string,
  name: string,
  args: unknown,
): Promise<unknown> {
  switch (name) {
    case 'invoke': {
      if (!isRecord(args) || typeof args.functionKey !== 'string') throw new Error('invoke needs a functionKey');
      return backend.invoke(args.functionKey, args.payload);
    }
    case 'getContext':
      return previewContext(backend, timezone);
    case 'enableTheming':
      return previewTheme(backend);
    case 'fetchProduct': {
      if (!isRecord(args) || typeof args.product !== 'string' || typeof args.restPath !== 'string') {
        throw new Error('fetchProduct needs a product and a restPath');
      }
      const init = isRecord(args.fetchRequestInit) ? args.fetchRequestInit : {};
      return askProduct(backend, args.product, args.restPath, typeof init.method === 'string' ? init.method : 'GET');
    }
    default:
      throw new Error(`The preview does not emulate the bridge call "${name}"`);
  }
}

/** One action of the control strip; a message to show, when it has one. */
export async function runControl(
  backend: PreviewBackend,
  action: unknown,
  value: unknown,
): Promise<string | undefined> {
  switch (action) {
    case 'user':
      backend.update({ accountId: String(value) });
      return;
    case 'product':
      backend.update({ product: value as Product });
      return;
    case 'theme':
      backend.update({ theme: value as Theme });
      return;
    case 'locale':
      backend.update({ locale: String(value) });
      return;
    case 'publish':
      backend.publishNextVersion();
      return;
    case 'reset':
      backend.reset();
      return;
    case 'close-account':
      backend.closeAccount(String(value));
      return;
    case 'run-personal-data-job':
      return backend.runPersonalDataJob();
    default:
      throw new Error(`Unknown control action ${String(action)}`);
  }
}

/** The shell page's view of the preview. */
export function describe(backend: PreviewBackend): Record<string, unknown> {
  return {
    viewpoint: backend.viewpoint,
    users: backend.users.map((u) => ({
      accountId: u.accountId,
      displayName: u.displayName,
      admin: u.admin,
      closed: u.accountStatus === 'closed',
    })),
    versions: backend.catalog.versions.map((v) => v.source.version),
    catalogOrigin: backend.catalogOrigin,
  };
}
