/**
 * Egress: requests to addresses outside Atlassian (fetch, HTTP clients, XMLHttpRequest, sendBeacon, JSX
 * sources such as `<img src>`), with the host as far as it can be read.
 */
import ts from 'typescript';
import type { ExternalKind } from '../../../src/domain/evidence/types';
import { ownValue } from '../../../src/domain/is-record';
import type { Scan } from './context';
import { absoluteHost, HTTP_CLIENTS, isRelative, JSX_SOURCES, SIGNED_URL, forgeHelperLibrary } from './names';
import type { Chain } from './types';

/** Egress to one address (none to a relative one). */
export function egress(
  scan: Scan,
  kind: ExternalKind | 'remote',
  address: string | null,
  node: ts.Node,
  via: string,
): void {
  if (address !== null && isRelative(address)) return;
  scan.findings.push({ type: 'egress', kind, address: absoluteHost(address), at: scan.at(node), via });
}

/** An expression whose value stays in the browser: a bundled asset, a blob: or data: URL. */
function staysLocal(scan: Scan, e: ts.Expression | undefined): boolean {
  if (e && ts.isIdentifier(e) && scan.assetNames.has(e.text)) return true; // `import logo from './logo.svg'`
  if (e && ts.isCallExpression(e)) {
    const callee = e.expression.getText(scan.sf);
    if (/(^|\.)createObjectURL$|(^|\.)toDataURL$/.test(callee)) return true;
  }
  return false;
}

/** Egress to what an expression can be: every value read statically; none for bundled assets and local URLs. */
export function egressTo(
  scan: Scan,
  kind: ExternalKind,
  expr: ts.Expression | undefined,
  node: ts.Node,
  via: string,
): void {
  let e = expr;
  while (e && (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e))) e = e.expression;
  if (staysLocal(scan, e)) return;
  const found = scan.values.values(e, null);
  if (found !== null) {
    for (const v of found) egress(scan, kind, v, node, via);
    return;
  }
  const address = scan.pathOf(e);
  if (address !== null && isRelative(address)) return;
  const signedUrl = e !== undefined && SIGNED_URL.test(e.getText(scan.sf));
  scan.findings.push({
    type: 'egress',
    kind,
    address: absoluteHost(address),
    at: scan.at(node),
    via,
    ...(signedUrl ? { signedUrl } : {}),
  });
}

/** A call of an HTTP client package (axios, got…) or of a Forge helper library given an address. */
export function httpClientCall(scan: Scan, pkg: string, call: ts.CallExpression): void {
  if (!HTTP_CLIENTS.includes(pkg) && !forgeHelperLibrary(pkg)) return;
  let first = call.arguments[0];
  const options = first && ts.isObjectLiteralExpression(first) ? first : null;
  if (options) {
    const url = options.properties.find(
      (p): p is ts.PropertyAssignment =>
        ts.isPropertyAssignment(p) && /^(url|baseURL|baseUrl|prefixUrl)$/.test(p.name.getText()),
    );
    first = url?.initializer;
  }
  // A Forge helper library contacts an address only where it is given one (`{ baseURL: 'https://…' }`).
  if (HTTP_CLIENTS.includes(pkg) || (options && first)) egressTo(scan, scan.fetchKind(), first, call, pkg);
}

const GLOBAL_OBJECTS = ['window', 'globalThis', 'self'];

/** `fetch(…)`, `new XMLHttpRequest()`, `navigator.sendBeacon(…)` on globals the file does not shadow. */
export function globalCall(scan: Scan, chain: Chain, node: ts.CallExpression | ts.NewExpression): void {
  const onGlobalObject = GLOBAL_OBJECTS.includes(chain.root);
  if (scan.locals.has(chain.root) && !onGlobalObject) return;
  const global = onGlobalObject ? chain.names : [chain.root, ...chain.names];
  const call = ts.isCallExpression(node) ? node : null;
  const first = global[0];
  if (first === 'fetch' && global.length === 1 && call)
    egressTo(scan, scan.fetchKind(), call.arguments[0], call, 'fetch');
  else if (first === 'XMLHttpRequest' && ts.isNewExpression(node) && scan.side === 'browser')
    egress(scan, 'fetch.client', null, node, 'XMLHttpRequest');
  else if (first === 'navigator' && global[1] === 'sendBeacon' && call)
    egressTo(scan, 'fetch.client', call.arguments[0], call, 'navigator.sendBeacon');
}

/** `<img src>`, `<iframe src>`… in browser code (HTML tags, or the @forge/react components of those names). */
export function jsxSource(scan: Scan, node: ts.JsxSelfClosingElement | ts.JsxOpeningElement): void {
  const tag = node.tagName.getText(scan.sf);
  const rule = ownValue(JSX_SOURCES, tag.toLowerCase());
  if (!rule || (tag !== tag.toLowerCase() && !scan.bindings.get(tag)?.pkg.startsWith('@forge/react'))) return;
  const via = `<${tag} ${rule.attr}>`;
  for (const attr of node.attributes.properties) {
    if (!ts.isJsxAttribute(attr) || attr.name.getText(scan.sf) !== rule.attr || !attr.initializer) continue;
    const init = attr.initializer;
    if (ts.isStringLiteral(init)) egress(scan, rule.kind, init.text, node, via);
    else egressTo(scan, rule.kind, ts.isJsxExpression(init) ? init.expression : undefined, node, via);
  }
}
