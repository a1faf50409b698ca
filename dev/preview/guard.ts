/**
 * Who may drive the local preview. It listens on loopback, but any page the developer has open can send
 * requests there (a text/plain "no-cors" POST needs no permission), and a DNS-rebinding site reaches it under
 * its own host name. So every request must name the preview's own host and port, and every POST must come
 * from the preview's own origin, as JSON; the control endpoint also needs the per-run token the server
 * puts into the control page it serves.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The header the control page sends the token in (a custom header also forces a CORS preflight). */
export const TOKEN_HEADER = 'x-preview-token';
/** The control page's meta tag carrying the token (the CSP forbids inline script). */
export const TOKEN_META = 'preview-token';

export const newToken = (): string => randomBytes(24).toString('hex');

/** The host names the preview answers to: loopback, and the one it was asked to listen on. */
function hostNames(listenHost: string): Set<string> {
  return new Set(['127.0.0.1', 'localhost', '[::1]', listenHost.includes(':') ? `[${listenHost}]` : listenHost]);
}

/** `Host` must be one of the preview's names with its port: anything else is DNS rebinding or a mistake. */
export function hostAllowed(host: string | undefined, listenHost: string, port: number): boolean {
  if (host === undefined) return false;
  const at = host.lastIndexOf(':');
  if (at < 0 || host.slice(at + 1) !== String(port)) return false;
  return hostNames(listenHost).has(host.slice(0, at).toLowerCase());
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Why a POST is refused, or undefined when it may proceed: same origin as the `Host` it names, a JSON body
 * (which a page can only send cross-origin after a preflight the preview never answers), and, when
 * `token` is given, that token in TOKEN_HEADER.
 */
export function postRefusal(headers: IncomingHttpHeaders, token?: string): string | undefined {
  const origin = headers.origin;
  if (origin === undefined || origin !== `http://${headers.host ?? ''}`) return 'cross-origin request';
  const type = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return 'expected application/json';
  if (token !== undefined) {
    const given = headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !sameToken(given, token)) return 'missing or wrong preview token';
  }
  return undefined;
}

/** The control page with the token in a meta tag, for shell.js to send back. */
export function withToken(html: string, token: string): string {
  return html.replace(/<\/head>/i, `  <meta name="${TOKEN_META}" content="${token}" />\n  </head>`);
}
