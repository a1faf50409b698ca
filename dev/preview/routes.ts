/**
 * The preview server's routes: the bridge and control posts (guarded: Host, Origin, the control token), the
 * preview's own files, the shell page and the app's build with the bridge injected.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import type { PreviewBackend } from './backend';
import { answerBridge, describe, previewContext, previewTheme, runControl } from './bridge-calls';
import { hostAllowed, postRefusal, withToken } from './guard';
import { fileUnder, isRecord, readJson, send, sendJson, TYPES } from './http';

const CLIENT_DIR = resolve(__dirname, 'client');

/** The CSP the app's frame is served with: as strict as Forge's default (no inline script or style). */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

/** The build's index.html with the preview bridge loaded before anything else. */
export function injectBridge(html: string): string {
  const tag = '<script src="/__preview/bridge.js"></script>';
  const at = html.search(/<script\b/i);
  if (at >= 0) return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
  return html.replace(/<\/head>/i, `  ${tag}\n  </head>`);
}

/**
 * The bridge script with the host's answers written in, as a host holds them before the app's frame loads:
 * the page's getContext and theme.enable() then answer at once, with no request of their own.
 */
function bridgeScript(site: PreviewSite): string {
  const host = { context: previewContext(site.backend, site.timezone), theme: previewTheme(site.backend) };
  const script = readFileSync(join(CLIENT_DIR, 'bridge.js'), 'utf8');
  // JSON is a JavaScript expression; < is escaped so that no value can close a script element.
  const answers = JSON.stringify(host).replace(/</g, '\\u003c');
  return script.replace('/*__PREVIEW_HOST__*/ null', () => answers);
}

/** What the routes serve: the backend, the build and the listening address the Host header must name. */
export interface PreviewSite {
  backend: PreviewBackend;
  timezone: string;
  buildDir: string;
  indexFile: string;
  /** The control strip's token, in the shell page and required on every control post. */
  token: string;
  listenHost: string;
  /** Known once the server listens. */
  listenPort(): number;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function postBridge(site: PreviewSite, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req);
  if (!isRecord(body) || typeof body.name !== 'string') {
    sendJson(res, 400, { error: 'Expected {name, args}' });
    return;
  }
  try {
    sendJson(res, 200, { value: (await answerBridge(site.backend, site.timezone, body.name, body.args)) ?? null });
  } catch (error) {
    sendJson(res, 500, { error: errorText(error) });
  }
}

async function postControl(site: PreviewSite, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req);
  if (!isRecord(body)) {
    sendJson(res, 400, { error: 'Expected {action, value}' });
    return;
  }
  let message: string | undefined;
  try {
    message = await runControl(site.backend, body.action, body.value);
  } catch (error) {
    sendJson(res, 400, { error: errorText(error) });
    return;
  }
  const described = describe(site.backend);
  sendJson(res, 200, message === undefined ? described : { ...described, message });
}

/** A file under `root` at `path`, or 404. */
function sendFile(res: ServerResponse, root: string, path: string): void {
  const file = fileUnder(root, path);
  if (!file) send(res, 404, 'text/plain', 'Not found');
  else send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
}

function serveGet(site: PreviewSite, path: string, res: ServerResponse): void {
  if (path === '/__preview/state') sendJson(res, 200, describe(site.backend));
  else if (path === '/__preview/theme.css') {
    const file = site.backend.viewpoint.theme === 'dark' ? 'tokens-dark.css' : 'tokens-light.css';
    send(res, 200, TYPES['.css'] as string, readFileSync(join(CLIENT_DIR, file)));
  } else if (path === '/__preview/bridge.js') send(res, 200, TYPES['.js'] as string, bridgeScript(site));
  else if (path.startsWith('/__preview/')) sendFile(res, CLIENT_DIR, path.slice('/__preview'.length));
  else if (path === '/favicon.ico') send(res, 204, 'image/x-icon', '');
  else if (path === '/' || path === '/index.html') {
    const shell = withToken(readFileSync(join(CLIENT_DIR, 'shell.html'), 'utf8'), site.token);
    send(res, 200, TYPES['.html'] as string, shell, {
      'content-security-policy': APP_CSP.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
    });
  } else if (path === '/app' || path === '/app/' || path === '/app/index.html') {
    const html = injectBridge(readFileSync(site.indexFile, 'utf8'));
    send(res, 200, TYPES['.html'] as string, html, { 'content-security-policy': APP_CSP });
  } else if (path.startsWith('/app/')) sendFile(res, site.buildDir, path.slice('/app'.length));
  else send(res, 404, 'text/plain', 'Not found');
}

/** One request: refused unless its Host is the preview's, and a post unless its Origin (and token) are. */
export async function route(site: PreviewSite, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://preview.invalid').pathname;
  if (!hostAllowed(req.headers.host, site.listenHost, site.listenPort())) {
    send(res, 403, 'text/plain', 'Forbidden: unexpected Host');
    return;
  }
  if (req.method === 'POST') {
    const refusal = postRefusal(req.headers, path === '/__preview/control' ? site.token : undefined);
    if (refusal) sendJson(res, 403, { error: `Forbidden: ${refusal}` });
    else if (path === '/__preview/bridge') await postBridge(site, req, res);
    else if (path === '/__preview/control') await postControl(site, req, res);
    else send(res, 405, 'text/plain', 'Method not allowed');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') send(res, 405, 'text/plain', 'Method not allowed');
  else serveGet(site, path, res);
}
