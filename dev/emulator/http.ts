/** Building the `Response` objects the clients read (status, headers, text). */

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function emptyResponse(status = 204, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

/** The Forge storage error shape: non-2xx answers carry `{ code, message }`. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(status, { code, message }, headers);
}

/** Parses a JSON request body; `undefined` when there is none or it is not JSON. */
export function parseJsonBody(body: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof body !== 'string') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

export { isRecord } from '../../src/domain/is-record';

/** Splits a request path into its pathname and query, the way the product gateways read it. */
export function splitPath(path: string): { pathname: string; query: URLSearchParams } {
  const url = new URL(path, 'https://emulator.invalid');
  return { pathname: url.pathname, query: url.searchParams };
}
