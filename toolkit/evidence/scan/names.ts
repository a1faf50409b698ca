/**
 * The scanner's vocabulary: packages, names and address shapes it recognises, as pure tests of strings and
 * single syntax nodes.
 */
import ts from 'typescript';
import type { ExternalKind } from '../../../src/domain/evidence/types';
import { hostOf } from '../manifest-facts';
import type { RestProduct } from '../route-scopes';

export const FORGE_API = '@forge/api';
export const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);
export const HTTP_CLIENTS = [
  'axios',
  'node-fetch',
  'cross-fetch',
  'isomorphic-fetch',
  'got',
  'ky',
  'superagent',
  'undici',
];
export const STORAGE_WRITES = new Set([
  'set',
  'setSecret',
  'transact',
  'batchSet',
  'put',
  'insert',
  'update',
  'upsert',
]);
export const SECRET_OPS = new Set(['setSecret', 'getSecret', 'deleteSecret']);
export const JSX_SOURCES: Readonly<Record<string, { attr: string; kind: ExternalKind }>> = {
  img: { attr: 'src', kind: 'images' },
  image: { attr: 'src', kind: 'images' },
  source: { attr: 'src', kind: 'media' },
  video: { attr: 'src', kind: 'media' },
  audio: { attr: 'src', kind: 'media' },
  script: { attr: 'src', kind: 'scripts' },
  iframe: { attr: 'src', kind: 'frames' },
};
/** Product calls by name, for calls on objects the scanner cannot trace to @forge/api or @forge/bridge. */
export const PRODUCT_CALLS: Readonly<Record<string, RestProduct | 'graphql' | undefined>> = {
  requestJira: 'jira',
  requestConfluence: 'confluence',
  requestBitbucket: 'bitbucket',
  requestGraph: 'graphql',
};
/** Files a bundler serves from the app itself when imported (images, styles, fonts, media). */
export const ASSET = /\.(svg|png|jpe?g|gif|webp|avif|ico|bmp|css|woff2?|ttf|otf|mp4|webm|mp3|wav)(\?.*)?$/i;
/** A name or expression that reads as a pre-signed upload or download URL. */
export const SIGNED_URL = /(pre-?signed|signed|upload|download)_?(url|uri)|presign/i;

/** A package that is neither the app's own module, nor Forge's, nor Node's. */
export const thirdParty = (pkg: string): boolean => !/^(\.|\/|@forge\/|node:)/.test(pkg);

/** The product a route path belongs to, by the prefixes Atlassian's descriptions use. */
export function productOfPath(path: string): RestProduct {
  if (/^\/?wiki\//.test(path)) return 'confluence';
  if (/^\/?(2\.0|internal)\//.test(path)) return 'bitbucket';
  return 'jira';
}

export function scriptKind(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(path)) return ts.ScriptKind.JSX; // JSX is common in .js files of React apps
  return ts.ScriptKind.TS;
}

/** `https://api.example.com/x` → host; relative, same-origin or dynamic → null. */
export function absoluteHost(address: string | null): string | null {
  if (address === null) return null;
  const m = /^(?:https?:|wss?:)?\/\/([^/?#${}]+)/i.exec(address.trim());
  if (!m?.[1]) return null;
  const host = hostOf(m[1]);
  return host.includes('…') || host === '' ? null : host;
}

export function isRelative(address: string): boolean {
  return /^(\.|\/(?!\/)|[a-z0-9_-]+\.(json|svg|png|css|js)$)/i.test(address) || address.startsWith('data:');
}

/** A package named for Atlassian products or Forge that is not Atlassian's own (`atlassian-forge-axios`). */
export function forgeHelperLibrary(spec: string): boolean {
  if (spec.startsWith('.') || spec.startsWith('/') || /^@(forge|atlaskit|atlassian)\//.test(spec)) return false;
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? '');
  return /(^|[-_.@/])(forge|atlassian|jira|confluence|bitbucket)([-_./]|$)/i.test(name);
}

/** DevOps paths on api.atlassian.com (`/jira/builds/0.1/cloud/{cloudId}/bulk`) as the Jira routes they are. */
export function atlassianPathAsJira(path: string): string | null {
  const m = /^\/jira\/([a-z-]+)\/0\.1\/cloud\/[^/]+(\/.*)$/.exec(path);
  return m ? `/rest/${m[1] ?? ''}/0.1${m[2] ?? ''}` : null;
}

/** Compass SDK (@atlassian/forge-graphql) methods: `getComponent` reads, `createEvent` writes events… */
export function compassSdkScope(method: string): string {
  const read = /^(get|search|list|fetch|query)/.test(method);
  const noun = /metric/i.test(method)
    ? 'metric'
    : /event/i.test(method)
      ? 'event'
      : /scorecard/i.test(method)
        ? 'scorecard'
        : 'component';
  return `${read ? 'read' : 'write'}:${noun}:compass`;
}

/** `require('x')` → `x`; anything else → null. */
export function requireTarget(expr: ts.Expression | undefined): string | null {
  if (
    expr &&
    ts.isCallExpression(expr) &&
    ts.isIdentifier(expr.expression) &&
    expr.expression.text === 'require' &&
    expr.arguments[0] &&
    ts.isStringLiteral(expr.arguments[0])
  )
    return expr.arguments[0].text;
  return null;
}

/** The expression under parentheses, `await` and `as`. */
export const unwrap = (e: ts.Expression): ts.Expression => {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAwaitExpression(x) || ts.isAsExpression(x)) x = x.expression;
  return x;
};
