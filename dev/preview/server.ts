/**
 * The local preview: serves the built admin page (static/admin/build) inside a small control page, and
 * answers the page's bridge calls. `invoke` runs the real resolver handler in this process against the
 * platform emulator; who is calling is the preview's own state, never taken from the page. The routes are in
 * routes.ts, the bridge's answers in bridge-calls.ts, the HTTP plumbing in http.ts.
 *
 *   npm start            (builds first, then runs this file)
 *   PORT=5000 npm start
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Evidence } from '../../src/domain/evidence/types';
import type { StatementCatalog } from '../../src/domain/statement/types';
import { PreviewBackend, type Viewpoint } from './backend';
import { newToken } from './guard';
import { sendJson } from './http';
import { route, type PreviewSite } from './routes';

export { APP_CSP, injectBridge } from './routes';

export const BUILD_DIR = resolve(__dirname, '../../static/admin/build');

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

  const host = options.host ?? '127.0.0.1';
  let listenPort = 0;
  const site: PreviewSite = {
    backend,
    timezone: options.timezone ?? 'Europe/London',
    buildDir,
    indexFile,
    token: newToken(),
    listenHost: host,
    listenPort: () => listenPort,
  };
  const server = createServer((req, res) => {
    route(site, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
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
