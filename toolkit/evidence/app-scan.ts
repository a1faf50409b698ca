/**
 * Reads one source file (TS, TSX, JS, JSX, MJS, CJS) with the TypeScript parser and reports what the
 * evidence needs: product REST calls (method and path as far as they are static), GraphQL calls, Forge
 * storage operations and the keys they write, egress (fetch, HTTP clients, phone-home SDKs, JSX sources),
 * scopes that APIs need, and the modules the file imports (for the import graph). Pure: no file access.
 */
import ts from 'typescript';
import type { CodeSide, ExternalKind, SourceFile } from '../../src/domain/evidence/types';
import { chainOf, CALL, declaredNames, lineOf, staticPath } from './syntax';
import { hostOf } from './manifest-facts';
import { PLACEHOLDER, type RestProduct } from './route-scopes';
import { graphqlFieldScopes } from './graphql-scopes';
import { phoneHomeSdk } from './sdk-hosts';
import { FileValues, paramMarker, wrapperEnv } from './static-values';
import { ownValue } from '../../src/domain/is-record';

export type StorageKindInCode =
  'kvs' | 'legacy-storage' | 'custom-entities' | 'sql' | 'object-store' | 'product-properties' | 'secrets';

export type Finding =
  | {
      type: 'rest';
      product: RestProduct;
      /** Upper case; null when the options object sets it dynamically. */
      method: string | null;
      /** Static path with `${…}` placeholders; null when it cannot be read. */
      path: string | null;
      at: string;
      /** Inside a function other modules call: the path (and method) as templates of its parameters. */
      wrapper?: { fn: string; paths: string[]; methods: string[] | null };
    }
  /** `scopes`: for each field that names any, the scopes any one of which it needs; null when unknown. */
  | { type: 'graphql'; scopes: string[][] | null; at: string; what: string }
  | { type: 'scope'; scope: string; at: string; what: string }
  /** An API that works only when the manifest has a module of that type (`sql`, `consumer`). */
  | { type: 'module'; module: string; at: string; what: string }
  | { type: 'storage'; kind: StorageKindInCode; at: string; what: string; write: boolean; key: string | null }
  | {
      type: 'egress';
      kind: ExternalKind | 'remote';
      address: string | null;
      at: string;
      via: string;
      /** The address is named as a pre-signed upload/download URL: the Object Store's, when the app uses it. */
      signedUrl?: boolean;
    }
  | { type: 'removed-api'; at: string; what: string }
  /** A third-party library for Forge apps: the product calls it makes are not in the app's code. */
  | { type: 'opaque-calls'; at: string; what: string }
  /**
   * A route passed to an object imported from the app's module `from` as `name`: a product call when that
   * module makes `name` a third-party client (FileScan.clients); app-evidence.ts resolves it.
   */
  | {
      type: 'client-call';
      from: string;
      name: string;
      product: RestProduct;
      method: string | null;
      path: string | null;
      at: string;
    };

/** A call of a function imported from the app's own modules, with what each argument can be. */
export interface ModuleCall {
  fn: string;
  /** The module specifier it was imported from (`./jira`). */
  from: string;
  args: (string[] | null)[];
  at: string;
}

export interface FileScan {
  findings: Finding[];
  /** Calls of functions imported from the app's own modules (for paths passed through wrappers). */
  calls?: ModuleCall[];
  /** Module specifiers the file loads (import, export from, require, dynamic import). */
  imports: string[];
  /** Names the file binds to a third-party client (`const jira = forgeAxios({…})`; `default` for `export default`). */
  clients?: string[];
}

interface Binding {
  pkg: string;
  members: string[];
}

const FORGE_API = '@forge/api';
const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);

/** A package that is neither the app's own module, nor Forge's, nor Node's. */
const thirdParty = (pkg: string): boolean => !/^(\.|\/|@forge\/|node:)/.test(pkg);

/** The product a route path belongs to, by the prefixes Atlassian's descriptions use. */
export function productOfPath(path: string): RestProduct {
  if (/^\/?wiki\//.test(path)) return 'confluence';
  if (/^\/?(2\.0|internal)\//.test(path)) return 'bitbucket';
  return 'jira';
}
const HTTP_CLIENTS = ['axios', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'got', 'ky', 'superagent', 'undici'];
const STORAGE_WRITES = new Set(['set', 'setSecret', 'transact', 'batchSet', 'put', 'insert', 'update', 'upsert']);
const SECRET_OPS = new Set(['setSecret', 'getSecret', 'deleteSecret']);
const JSX_SOURCES: Readonly<Record<string, { attr: string; kind: ExternalKind }>> = {
  img: { attr: 'src', kind: 'images' },
  image: { attr: 'src', kind: 'images' },
  source: { attr: 'src', kind: 'media' },
  video: { attr: 'src', kind: 'media' },
  audio: { attr: 'src', kind: 'media' },
  script: { attr: 'src', kind: 'scripts' },
  iframe: { attr: 'src', kind: 'frames' },
};

function scriptKind(path: string): ts.ScriptKind {
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

function isRelative(address: string): boolean {
  return /^(\.|\/(?!\/)|[a-z0-9_-]+\.(json|svg|png|css|js)$)/i.test(address) || address.startsWith('data:');
}

/** Files a bundler serves from the app itself when imported (images, styles, fonts, media). */
const ASSET = /\.(svg|png|jpe?g|gif|webp|avif|ico|bmp|css|woff2?|ttf|otf|mp4|webm|mp3|wav)(\?.*)?$/i;
/** A name or expression that reads as a pre-signed upload or download URL. */
const SIGNED_URL = /(pre-?signed|signed|upload|download)_?(url|uri)|presign/i;

/** A package named for Atlassian products or Forge that is not Atlassian's own (`atlassian-forge-axios`). */
export function forgeHelperLibrary(spec: string): boolean {
  if (spec.startsWith('.') || spec.startsWith('/') || /^@(forge|atlaskit|atlassian)\//.test(spec)) return false;
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? '');
  return /(^|[-_.@/])(forge|atlassian|jira|confluence|bitbucket)([-_./]|$)/i.test(name);
}

/** Product calls by name, for calls on objects the scanner cannot trace to @forge/api or @forge/bridge. */
const PRODUCT_CALLS: Readonly<Record<string, RestProduct | 'graphql' | undefined>> = {
  requestJira: 'jira',
  requestConfluence: 'confluence',
  requestBitbucket: 'bitbucket',
  requestGraph: 'graphql',
};

/** DevOps paths on api.atlassian.com (`/jira/builds/0.1/cloud/{cloudId}/bulk`) as the Jira routes they are. */
export function atlassianPathAsJira(path: string): string | null {
  const m = /^\/jira\/([a-z-]+)\/0\.1\/cloud\/[^/]+(\/.*)$/.exec(path);
  return m ? `/rest/${m[1] ?? ''}/0.1${m[2] ?? ''}` : null;
}

function requireTarget(expr: ts.Expression | undefined): string | null {
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

function constMap(sf: ts.SourceFile): Map<string, ts.Expression> {
  const map = new Map<string, ts.Expression>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const list = node.parent;
      const isConst = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
      if (isConst || !map.has(node.name.text)) map.set(node.name.text, node.initializer);
    }
    if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer))
    ) {
      // Object constants such as `const URLS = { api: 'https://…' }`: `URLS.api` reads as `api`.
      if (!map.has(node.name.text)) map.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return map;
}

/** Reads a path, following `X.y` member reads of object constants by their last name. */
function pathOf(expr: ts.Expression | undefined, consts: Map<string, ts.Expression>): string | null {
  if (expr && ts.isPropertyAccessExpression(expr)) return staticPath(consts.get(expr.name.text), consts);
  return staticPath(expr, consts);
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

// eslint-disable-next-line max-lines-per-function -- TODO(split)
export function scanFile(file: SourceFile): FileScan {
  const sf = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, scriptKind(file.path));
  const findings: Finding[] = [];
  const calls: ModuleCall[] = [];
  const imports: string[] = [];
  const bindings = new Map<string, Binding>();
  /** Names bound to imported asset files (`import logo from './logo.svg'`): the bundler serves them. */
  const assetNames = new Set<string>();
  const side: CodeSide = file.side;
  const at = (node: ts.Node): string => `${file.path}:${lineOf(sf, node)}`;
  const text = (node: ts.Node): string => {
    const t = node.getText(sf).replace(/\s+/g, ' ');
    return t.length > 100 ? `${t.slice(0, 99)}…` : t;
  };

  const bindPattern = (name: ts.BindingName, pkg: string, base: string[]): void => {
    if (ts.isIdentifier(name)) bindings.set(name.text, { pkg, members: base });
    else if (ts.isObjectBindingPattern(name))
      for (const el of name.elements) {
        const prop = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : undefined;
        const member = prop ?? (ts.isIdentifier(el.name) ? el.name.text : undefined);
        if (member !== undefined) bindPattern(el.name, pkg, member === 'default' ? base : [...base, member]);
      }
  };

  const importedPackage = (spec: string, node: ts.Node): void => {
    imports.push(spec);
    const sdk = phoneHomeSdk(spec);
    if (sdk)
      findings.push({
        type: 'egress',
        kind: side === 'browser' ? 'fetch.client' : 'fetch.backend',
        address: sdk.hosts[0] ?? null,
        at: at(node),
        via: `${sdk.what} SDK ${spec}`,
      });
    if (spec === '@forge/kvs')
      findings.push({ type: 'scope', scope: 'storage:app', at: at(node), what: 'imports @forge/kvs' });
    if (forgeHelperLibrary(spec))
      findings.push({
        type: 'opaque-calls',
        at: at(node),
        what: `imports ${spec}, a third-party library for Atlassian apps whose product calls are not in the app's code`,
      });
    if (spec === '@forge/ui')
      findings.push({
        type: 'removed-api',
        at: at(node),
        what: 'imports @forge/ui: UI Kit 1, which Forge has removed (use @forge/react with render: native, or Custom UI)',
      });
    if (spec === '@forge/llm')
      findings.push({ type: 'module', module: 'llm', at: at(node), what: 'imports @forge/llm' });
    if (spec === '@forge/sql') {
      findings.push({ type: 'storage', kind: 'sql', at: at(node), what: 'imports @forge/sql', write: true, key: null });
      findings.push({ type: 'module', module: 'sql', at: at(node), what: 'imports @forge/sql' });
    }
    if (spec === '@forge/os' || spec === '@forge/object-store')
      findings.push({
        type: 'storage',
        kind: 'object-store',
        at: at(node),
        what: `imports ${spec}`,
        write: true,
        key: null,
      });
  };

  // Imports and requires: bindings and the import graph.
  const collect = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const spec = node.moduleSpecifier.text;
      const clause = node.importClause;
      if (clause?.phaseModifier !== ts.SyntaxKind.TypeKeyword) {
        const named = clause?.namedBindings;
        const values = named && ts.isNamedImports(named) ? named.elements.filter((e) => !e.isTypeOnly) : [];
        const isValue =
          !clause || clause.name !== undefined || (named && ts.isNamespaceImport(named)) || values.length > 0;
        if (isValue) importedPackage(spec, node);
        if (clause?.name) bindings.set(clause.name.text, { pkg: spec, members: [] });
        if (clause?.name && ASSET.test(spec)) assetNames.add(clause.name.text);
        if (named && ts.isNamespaceImport(named)) bindings.set(named.name.text, { pkg: spec, members: [] });
        for (const e of values) {
          const member = (e.propertyName ?? e.name).text;
          bindings.set(e.name.text, { pkg: spec, members: member === 'default' ? [] : [member] });
        }
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) imports.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node)) {
      const req = requireTarget(node);
      if (req !== null) importedPackage(req, node);
      else if (
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      )
        importedPackage(node.arguments[0].text, node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const ref = node.moduleReference.expression;
      if (ts.isStringLiteral(ref)) {
        importedPackage(ref.text, node);
        bindings.set(node.name.text, { pkg: ref.text, members: [] });
      }
    }
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const req = requireTarget(node.initializer);
      if (req !== null) bindPattern(node.name, req, []);
      else if (ts.isPropertyAccessExpression(node.initializer) && requireTarget(node.initializer.expression) !== null) {
        const pkg = requireTarget(node.initializer.expression) ?? '';
        const member = node.initializer.name.text;
        bindPattern(node.name, pkg, member === 'default' ? [] : [member]);
      }
    }
    ts.forEachChild(node, collect);
  };
  collect(sf);

  // Aliases: `const { storage } = api`, `const client = api.asUser()`, `const r = x ? api.asUser() : api.asApp()`.
  const aliasOf = (init: ts.Expression): Binding | null => {
    let e = init;
    while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e) || ts.isAsExpression(e)) e = e.expression;
    if (ts.isConditionalExpression(e)) return aliasOf(e.whenTrue) ?? aliasOf(e.whenFalse);
    const chain = chainOf(e);
    const base = chain ? bindings.get(chain.root) : undefined;
    if (!chain || !base) return null;
    const calls = chain.names.flatMap((n, i) => (n === CALL ? [chain.names[i - 1] ?? ''] : []));
    if (calls.some((n) => !['asUser', 'asApp', 'entity', 'compass', 'transact'].includes(n))) return null;
    return { pkg: base.pkg, members: [...base.members, ...chain.names] };
  };
  for (let pass = 0; pass < (bindings.size > 0 ? 2 : 0); pass++) {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && node.initializer && requireTarget(node.initializer) === null) {
        const alias = aliasOf(node.initializer);
        if (alias) bindPattern(node.name, alias.pkg, alias.members);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  const locals = declaredNames(sf);
  const consts = constMap(sf);
  const values = new FileValues(sf);

  const rest = (product: RestProduct, node: ts.CallExpression): void => {
    const seen = new Set<string>();
    const push = (method: string | null, path: string | null): void => {
      const key = `${method ?? ''} ${path ?? ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push({ type: 'rest', product, method, path, at: at(node) });
    };
    // Read where the call is (each name is the variable of its own function), then through the callers.
    const paths = values.values(node.arguments[0], null);
    const methods = values.methods(node.arguments[1], null);
    const settled = (p: string): boolean => !p.startsWith(PLACEHOLDER) && !/\/\$\{…\}\//.test(p);
    if (paths !== null && methods !== null && paths.every(settled)) {
      for (const path of paths) for (const method of methods) push(method, path);
      return;
    }
    const wrapper = wrapperEnv(node);
    for (const env of values.environments(node)) {
      const paths = values.values(node.arguments[0], env);
      const methods = values.methods(node.arguments[1], env);
      const unread = paths === null || methods === null || paths.some((p) => p.startsWith(PLACEHOLDER));
      const templates =
        env === null && wrapper !== null && unread ? values.values(node.arguments[0], wrapper.env) : null;
      if (wrapper !== null && templates?.some((t) => t.startsWith(paramMarker(0).slice(0, 1)))) {
        // Called from other modules with the path: read it at those callers (app-evidence.ts).
        const read = { fn: wrapper.fn, paths: templates, methods: values.methods(node.arguments[1], wrapper.env) };
        for (const path of paths ?? [null])
          for (const method of methods ?? [null])
            findings.push({ type: 'rest', product, method, path, at: at(node), wrapper: read });
        continue;
      }
      for (const path of paths ?? [null]) for (const method of methods ?? [null]) push(method, path);
    }
  };
  /** `__requestAtlassianAsApp(path)`: api.atlassian.com; DevOps paths are Jira routes, `/graphql` is GraphQL. */
  const atlassianRequest = (node: ts.CallExpression): void => {
    const paths = values.values(node.arguments[0], null);
    const methods = values.methods(node.arguments[1], null);
    for (const path of paths ?? [null]) {
      if (path !== null && /^\/graphql\b/.test(path)) {
        findings.push({ type: 'graphql', scopes: null, at: at(node), what: text(node) });
        continue;
      }
      const jira = path === null ? null : atlassianPathAsJira(path);
      for (const method of methods ?? [null])
        findings.push({ type: 'rest', product: 'jira', method, path: jira, at: at(node) });
    }
  };
  const egress = (kind: ExternalKind | 'remote', address: string | null, node: ts.Node, via: string): void => {
    if (address !== null && isRelative(address)) return;
    findings.push({ type: 'egress', kind, address: absoluteHost(address), at: at(node), via });
  };
  /** Egress to what an expression can be: every value read statically; none for bundled assets and local URLs. */
  const egressTo = (kind: ExternalKind, expr: ts.Expression | undefined, node: ts.Node, via: string): void => {
    let e = expr;
    while (e && (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)))
      e = e.expression;
    if (e && ts.isIdentifier(e) && assetNames.has(e.text)) return; // `import logo from './logo.svg'`: bundled
    if (e && ts.isCallExpression(e)) {
      const callee = e.expression.getText(sf);
      if (/(^|\.)createObjectURL$|(^|\.)toDataURL$/.test(callee)) return; // blob: and data: URLs stay local
    }
    const found = values.values(e, null);
    if (found !== null) {
      for (const v of found) egress(kind, v, node, via);
      return;
    }
    const address = pathOf(e, consts);
    if (address !== null && isRelative(address)) return;
    const signedUrl = e !== undefined && SIGNED_URL.test(e.getText(sf));
    findings.push({
      type: 'egress',
      kind,
      address: absoluteHost(address),
      at: at(node),
      via,
      ...(signedUrl ? { signedUrl } : {}),
    });
  };
  const storageOp = (kind: StorageKindInCode, node: ts.CallExpression, op: string, keyArg: boolean): void => {
    findings.push({
      type: 'storage',
      kind,
      at: at(node),
      what: text(node),
      write: STORAGE_WRITES.has(op),
      key: keyArg && STORAGE_WRITES.has(op) ? (values.values(node.arguments[0], null)?.[0] ?? null) : null,
    });
  };

  const onForgeApi = (names: string[], node: ts.CallExpression): void => {
    const last = names[names.length - 1] ?? '';
    if (last === 'requestJira') {
      rest('jira', node);
      return;
    }
    if (last === 'requestConfluence') {
      rest('confluence', node);
      return;
    }
    if (last === 'requestBitbucket') {
      rest('bitbucket', node);
      return;
    }
    if (/^__requestAtlassian(AsApp|AsUser)?$/.test(last)) {
      atlassianRequest(node);
      return;
    }
    if (last === 'requestGraph') {
      const query = pathOf(node.arguments[0], consts);
      findings.push({
        type: 'graphql',
        scopes: query === null ? null : graphqlFieldScopes(query),
        at: at(node),
        what: text(node),
      });
      return;
    }
    if (last === 'fetch' && !names.slice(0, -1).includes(CALL)) {
      egressTo('fetch.backend', node.arguments[0], node, '@forge/api fetch');
      return;
    }
    if (last === 'invokeRemote') {
      egress('remote', null, node, '@forge/api invokeRemote');
      return;
    }
    const s = names.indexOf('storage');
    if (s >= 0 && names[s + 1] !== CALL) {
      const op = names[s + 1] ?? '';
      if (op !== 'entity' && names.length > s + 2) return; // `storage.query().where(…)`: counted once, at `query`
      findings.push({ type: 'scope', scope: 'storage:app', at: at(node), what: text(node) });
      if (op === 'entity') {
        if (names[names.length - 1] !== 'entity')
          storageOp('custom-entities', node, names[names.length - 1] ?? '', false);
      } else if (SECRET_OPS.has(op)) {
        storageOp('secrets', node, op, false);
        storageOp('legacy-storage', node, op, false);
      } else if (op !== '') {
        storageOp('legacy-storage', node, op, true);
        findings.push({
          type: 'removed-api',
          at: at(node),
          what: `legacy storage from @forge/api (${text(node)}): deprecated, and announced as removed on 2026-06-22 (Atlassian changelog CHANGE-3252; the storage overview page as last read still calls it supported); use @forge/kvs`,
        });
      }
      return;
    }
    if (names.includes('privacy'))
      findings.push({ type: 'scope', scope: 'report:personal-data', at: at(node), what: text(node) });
    if (names.includes('properties') && /^on(Jira|Confluence)/.test(names[names.indexOf('properties') + 1] ?? ''))
      storageOp('product-properties', node, names[names.length - 1] ?? '', false);
  };

  const onKvs = (names: string[], node: ts.CallExpression): void => {
    const op = names[names.length - 1] ?? '';
    const first = names[0] === 'kvs' ? names[1] : names[0];
    if (names.includes('entity')) {
      if (op !== 'entity') storageOp('custom-entities', node, op, false);
    } else if (SECRET_OPS.has(op)) {
      storageOp('secrets', node, op, false);
      storageOp('kvs', node, op, false);
    } else if (first !== undefined && first !== CALL && (first === op || first === 'transact' || first === 'query'))
      storageOp('kvs', node, op, true);
  };

  // Routes handed to third-party clients: only files that import a package and Forge's route tag can have them.
  const clients = [...bindings.values()].some((b) => thirdParty(b.pkg)) ? clientNames(sf, bindings) : new Set<string>();
  const routeTag = [...bindings.values()].some(
    (b) => b.pkg === FORGE_API && ['route', 'assumeTrustedRoute'].includes(b.members[b.members.length - 1] ?? ''),
  );
  // eslint-disable-next-line max-lines-per-function -- TODO(split)
  const visit = (node: ts.Node): void => {
    if (routeTag && ts.isCallExpression(node)) findings.push(...clientCall(node, bindings, clients, values, at));
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const chain = chainOf(node.expression);
      if (chain) {
        const binding = bindings.get(chain.root);
        const names = binding ? [...binding.members, ...chain.names] : chain.names;
        const call = ts.isCallExpression(node) ? node : null;
        if (binding?.pkg === '@forge/events' && !call && names[names.length - 1] === 'Queue')
          findings.push({ type: 'module', module: 'consumer', at: at(node), what: text(node) });
        if (binding && call && binding.pkg.startsWith('.')) {
          const fn = names.filter((n) => n !== CALL).pop() ?? chain.root;
          calls.push({ fn, from: binding.pkg, args: call.arguments.map((a) => values.values(a, null)), at: at(call) });
        }
        if (binding && call) {
          const pkg = binding.pkg;
          if (pkg === FORGE_API && side === 'backend') onForgeApi(names, call);
          else if (pkg === '@forge/kvs') onKvs(names, call);
          else if (pkg === '@forge/bridge') {
            const last = names[names.length - 1];
            if (last === 'requestJira') rest('jira', call);
            else if (last === 'requestConfluence') rest('confluence', call);
            else if (last === 'requestBitbucket') rest('bitbucket', call);
            else if (last === 'invokeRemote' || last === 'requestRemote')
              egress('remote', null, call, `@forge/bridge ${last}`);
          } else if (pkg === '@atlassian/forge-graphql') {
            const last = names[names.length - 1] ?? '';
            if (names.includes('compass') && last !== 'asApp' && last !== 'asUser' && last !== CALL)
              findings.push({ type: 'graphql', scopes: [[compassSdkScope(last)]], at: at(call), what: text(call) });
          } else if (pkg === '@forge/sql') storageOp('sql', call, 'set', false);
          else if (HTTP_CLIENTS.includes(pkg) || forgeHelperLibrary(pkg)) {
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
            if (HTTP_CLIENTS.includes(pkg) || (options && first))
              egressTo(side === 'browser' ? 'fetch.client' : 'fetch.backend', first, call, pkg);
          }
        } else if (
          call &&
          !binding &&
          chain.names.length > 0 &&
          ownValue(PRODUCT_CALLS, chain.names[chain.names.length - 1] ?? '')
        ) {
          // `client.requestJira(…)` on an object passed in: a product call whose scopes cannot be read.
          const product = ownValue(PRODUCT_CALLS, chain.names[chain.names.length - 1] ?? '');
          if (product === 'graphql') findings.push({ type: 'graphql', scopes: null, at: at(call), what: text(call) });
          else if (product) findings.push({ type: 'rest', product, method: null, path: null, at: at(call) });
        } else if (!binding && (!locals.has(chain.root) || ['window', 'globalThis', 'self'].includes(chain.root))) {
          const global = ['window', 'globalThis', 'self'].includes(chain.root)
            ? chain.names
            : [chain.root, ...chain.names];
          const first = global[0];
          if (first === 'fetch' && global.length === 1 && call)
            egressTo(side === 'browser' ? 'fetch.client' : 'fetch.backend', call.arguments[0], call, 'fetch');
          else if (first === 'XMLHttpRequest' && ts.isNewExpression(node) && side === 'browser')
            egress('fetch.client', null, node, 'XMLHttpRequest');
          else if (first === 'navigator' && global[1] === 'sendBeacon' && call)
            egressTo('fetch.client', call.arguments[0], call, 'navigator.sendBeacon');
        }
      }
    }
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && side === 'browser') {
      const tag = node.tagName.getText(sf);
      const rule = ownValue(JSX_SOURCES, tag.toLowerCase());
      if (rule && (tag === tag.toLowerCase() || bindings.get(tag)?.pkg.startsWith('@forge/react'))) {
        for (const attr of node.attributes.properties) {
          if (!ts.isJsxAttribute(attr) || attr.name.getText(sf) !== rule.attr || !attr.initializer) continue;
          const init = attr.initializer;
          if (ts.isStringLiteral(init)) egress(rule.kind, init.text, node, `<${tag} ${rule.attr}>`);
          else
            egressTo(rule.kind, ts.isJsxExpression(init) ? init.expression : undefined, node, `<${tag} ${rule.attr}>`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { findings, calls, imports, ...(clients.size > 0 ? { clients: [...clients] } : {}) };
}

const unwrap = (e: ts.Expression): ts.Expression => {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isAwaitExpression(x) || ts.isAsExpression(x)) x = x.expression;
  return x;
};

/** Names bound to what a third-party package's function or class returns: a client object. */
function clientNames(sf: ts.SourceFile, bindings: ReadonlyMap<string, Binding>): Set<string> {
  const out = new Set<string>();
  const madeByPackage = (init: ts.Expression): boolean => {
    const e = unwrap(init);
    if (!ts.isCallExpression(e) && !ts.isNewExpression(e)) return false;
    const chain = chainOf(e.expression);
    const pkg = chain ? bindings.get(chain.root)?.pkg : undefined;
    return pkg !== undefined && thirdParty(pkg);
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      madeByPackage(node.initializer)
    )
      out.add(node.name.text);
    if (ts.isExportAssignment(node) && madeByPackage(node.expression)) out.add('default');
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * Product calls made through a third-party client (`jira.post(route\`/rest/api/3/issue\`)`, as with axios-like
 * wrappers of requestJira): a `route` value of @forge/api passed to a client's method is the call's path, the
 * method's name (`get`, `post`…) or an options object's `method` its HTTP method. Calls of the app's own
 * functions are not these: their product calls are read where they are made.
 */
function clientCall(
  node: ts.CallExpression,
  bindings: ReadonlyMap<string, Binding>,
  clients: ReadonlySet<string>,
  values: FileValues,
  at: (node: ts.Node) => string,
): Finding[] {
  const isRoute = (arg: ts.Expression): boolean => {
    const e = unwrap(arg);
    const tag = ts.isTaggedTemplateExpression(e) ? e.tag : ts.isCallExpression(e) ? e.expression : null;
    const b = tag && ts.isIdentifier(tag) ? bindings.get(tag.text) : undefined;
    const name = b?.members[b.members.length - 1];
    return (
      b?.pkg === FORGE_API &&
      ((ts.isTaggedTemplateExpression(e) && name === 'route') ||
        (ts.isCallExpression(e) && name === 'assumeTrustedRoute'))
    );
  };
  const chain = chainOf(node.expression);
  const i = node.arguments.findIndex(isRoute);
  if (!chain || i < 0) return [];
  const binding = bindings.get(chain.root);
  const from = binding?.pkg.startsWith('.') ? binding : null;
  const client = binding ? thirdParty(binding.pkg) : clients.has(chain.root);
  if (!from && !client) return [];
  const verb =
    chain.names
      .filter((n) => n !== CALL)
      .pop()
      ?.toLowerCase() ?? '';
  const options = node.arguments.slice(i + 1).find((a) => ts.isObjectLiteralExpression(unwrap(a)));
  const methods = HTTP_VERBS.has(verb)
    ? [verb.toUpperCase()]
    : options
      ? (values.methods(options, null) ?? [null])
      : [null];
  const out: Finding[] = [];
  for (const path of values.values(node.arguments[i], null) ?? [null])
    for (const method of methods) {
      const product = productOfPath(path ?? '');
      if (from)
        out.push({
          type: 'client-call',
          from: from.pkg,
          name: from.members[0] ?? 'default',
          product,
          method,
          path,
          at: at(node),
        });
      else out.push({ type: 'rest', product, method, path, at: at(node) });
    }
  return out;
}
