/**
 * The local preview: serves the built admin page (static/admin/build) inside a small control page, and
 * answers the page's bridge calls. `invoke` runs the real resolver handler in this process against the
 * platform emulator; who is calling is the preview's own state, never taken from the page.
 *
 *   npm start            (builds first, then runs this file)
 *   PORT=5000 npm start
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { Product } from '../../src/contract';
import type { Evidence } from '../../src/domain/evidence/types';
import type { StatementCatalog } from '../../src/domain/statement/types';
import { askProduct, installContextOf, PreviewBackend, type Theme, type Viewpoint } from './backend';
import { hostAllowed, newToken, postRefusal, withToken } from './guard';
import { isRecord } from '../../src/domain/is-record';

export const BUILD_DIR = resolve(__dirname, '../../static/admin/build');
const CLIENT_DIR = resolve(__dirname, 'client');
const MODULE_KEY = 'privacy-panel-admin';

/** The CSP the app's frame is served with: as strict as Forge's default (no inline script or style). */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface PreviewOptions {
  port?: number;
  host?: string;
  /** Where the emulator's storage is persisted; default `.preview/`. */
  storageDir?: string;
  buildDir?: string;
  baseCatalog?: StatementCatalog;
  /** The evidence the page shows; default this repository's (a host's preview passes its own). */
  evidence?: Evidence;
  locale?: string;
  timezone?: string;
}

export interface PreviewHandle {
  url: string;
  /** The app page alone, without the control strip. */
  appUrl: string;
  state: PreviewBackend;
  close(): Promise<void>;
}

/** The build's index.html with the preview bridge loaded before anything else. */
export function injectBridge(html: string): string {
  const tag = '<script src="/__preview/bridge.js"></script>';
  const at = html.search(/<script\b/i);
  if (at >= 0) return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
  return html.replace(/<\/head>/i, `  ${tag}\n  </head>`);
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, TYPES['.json'] as string, JSON.stringify(value));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > 600 * 1024) throw new Error('Request too large');
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

function fileUnder(root: string, urlPath: string): string | undefined {
  const decoded = decodeURIComponent(urlPath);
  const full = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  if (!existsSync(full) || !statSync(full).isFile()) return undefined;
  return full;
}

/** The shell page's view of the preview. */
function describe(backend: PreviewBackend): Record<string, unknown> {
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

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewHandle> {
  const buildDir = resolve(options.buildDir ?? BUILD_DIR);
  const indexFile = join(buildDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`${indexFile} is missing: run \`npm run build\` (or \`npm run build:ui\`) first.`);
  }
  const backend = new PreviewBackend({
    storageDir: resolve(options.storageDir ?? '.preview'),
    ...(options.baseCatalog ? { baseCatalog: options.baseCatalog } : {}),
    ...(options.evidence ? { evidence: options.evidence } : {}),
  });
  backend.update({ locale: options.locale ?? 'en-GB' });
  const timezone = options.timezone ?? 'Europe/London';

  const context = (): Record<string, unknown> => {
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
  };

  const bridge = async (name: string, args: unknown): Promise<unknown> => {
    switch (name) {
      case 'invoke': {
        if (!isRecord(args) || typeof args.functionKey !== 'string') throw new Error('invoke needs a functionKey');
        return backend.invoke(args.functionKey, args.payload);
      }
      case 'getContext':
        return context();
      case 'enableTheming':
        return { colorMode: backend.viewpoint.theme };
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
  };

  const control = async (action: unknown, value: unknown): Promise<string | undefined> => {
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
  };

  const token = newToken();
  const listenHost = options.host ?? '127.0.0.1';
  let listenPort = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    const path = url.pathname;
    const route = async (): Promise<void> => {
      if (!hostAllowed(req.headers.host, listenHost, listenPort)) {
        send(res, 403, 'text/plain', 'Forbidden: unexpected Host');
        return;
      }
      if (req.method === 'POST') {
        const refusal = postRefusal(req.headers, path === '/__preview/control' ? token : undefined);
        if (refusal) {
          sendJson(res, 403, { error: `Forbidden: ${refusal}` });
          return;
        }
      }
      if (req.method === 'POST' && path === '/__preview/bridge') {
        const body = await readJson(req);
        if (!isRecord(body) || typeof body.name !== 'string') {
          sendJson(res, 400, { error: 'Expected {name, args}' });
          return;
        }
        try {
          sendJson(res, 200, { value: (await bridge(body.name, body.args)) ?? null });
          return;
        } catch (error) {
          sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
          return;
        }
      }
      if (req.method === 'POST' && path === '/__preview/control') {
        const body = await readJson(req);
        if (!isRecord(body)) {
          sendJson(res, 400, { error: 'Expected {action, value}' });
          return;
        }
        let message: string | undefined;
        try {
          message = await control(body.action, body.value);
        } catch (error) {
          sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
          return;
        }
        const described = describe(backend);
        sendJson(res, 200, message === undefined ? described : { ...described, message });
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'text/plain', 'Method not allowed');
        return;
      }
      if (path === '/__preview/state') {
        sendJson(res, 200, describe(backend));
        return;
      }
      if (path === '/__preview/theme.css') {
        const file = backend.viewpoint.theme === 'dark' ? 'tokens-dark.css' : 'tokens-light.css';
        send(res, 200, TYPES['.css'] as string, readFileSync(join(CLIENT_DIR, file)));
        return;
      }
      if (path.startsWith('/__preview/')) {
        const file = fileUnder(CLIENT_DIR, path.slice('/__preview'.length));
        if (!file) {
          send(res, 404, 'text/plain', 'Not found');
          return;
        }
        send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
        return;
      }
      if (path === '/favicon.ico') {
        send(res, 204, 'image/x-icon', '');
        return;
      }
      if (path === '/' || path === '/index.html') {
        send(
          res,
          200,
          TYPES['.html'] as string,
          withToken(readFileSync(join(CLIENT_DIR, 'shell.html'), 'utf8'), token),
          {
            'content-security-policy': APP_CSP.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
          },
        );
        return;
      }
      if (path === '/app' || path === '/app/' || path === '/app/index.html') {
        const html = injectBridge(readFileSync(indexFile, 'utf8'));
        send(res, 200, TYPES['.html'] as string, html, { 'content-security-policy': APP_CSP });
        return;
      }
      if (path.startsWith('/app/')) {
        const file = fileUnder(buildDir, path.slice('/app'.length));
        if (!file) {
          send(res, 404, 'text/plain', 'Not found');
          return;
        }
        send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
        return;
      }
      send(res, 404, 'text/plain', 'Not found');
    };
    route().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });

  const host = listenHost;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4173, host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  listenPort = port;
  const url = `http://${host}:${port}/`;
  return {
    url,
    appUrl: `${url}app/`,
    state: backend,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => {
          backend.close();
          done();
        });
      }),
  };
}

export type { Viewpoint };

if (require.main === module) {
  const port = process.env.PORT ? Number(process.env.PORT) : 4173;
  startPreview({ port })
    .then((preview) => {
      process.stdout.write(
        `Privacy Panel preview: ${preview.url}\n` +
          `  statement: ${preview.state.catalogOrigin === 'policy' ? 'policy/ (src/generated/statements.json)' : 'given by the caller'}; storage: .preview/storage.json\n` +
          '  Ctrl+C to stop.\n',
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
