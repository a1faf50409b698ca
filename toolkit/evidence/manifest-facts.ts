/**
 * Reads the egress-, scope- and storage-relevant parts of a parsed manifest.yml into `ManifestFacts`.
 * Pure: takes the already-parsed YAML document. Lenient about modules it does not know, strict about the
 * shapes it relies on (a malformed entry throws, naming the field).
 */
import {
  EXTERNAL_KINDS,
  type EgressEntry,
  type ExternalKind,
  type ManifestFacts,
  type RemoteEntry,
  type StorageUse,
} from '../../src/domain/evidence/types';
import { EXIT, ToolkitError } from '../errors';
import { isRecord } from '../../src/domain/is-record';

/** The manifest parses but is not a Forge manifest's shape (the field and the rule are in the message). */
export class InvalidManifestError extends ToolkitError {
  readonly code = 'PP-MANIFEST-INVALID';
  readonly exitCode = EXIT.unreadable;
}

type Obj = Record<string, unknown>;

function obj(value: unknown, field: string): Obj {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw new InvalidManifestError(`${field} must be a mapping`);
  return value;
}

function list(value: unknown, field: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InvalidManifestError(`${field} must be a list`);
  return value;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** `https://API.example.com:443/x` → `api.example.com`; `*.example.com` stays; `*` stays. */
export function hostOf(address: string): string {
  let rest = address.trim().toLowerCase();
  const scheme = rest.indexOf('://');
  if (scheme >= 0) rest = rest.slice(scheme + 3);
  rest = rest.split(/[/?#]/, 1)[0] ?? '';
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  return rest.replace(/:\d+$/, '');
}

function external(permissions: Obj): EgressEntry[] {
  const ext = obj(permissions.external, 'permissions.external');
  const entries: EgressEntry[] = [];
  for (const kind of EXTERNAL_KINDS) {
    const [head, tail] = kind.split('.') as [string, string | undefined];
    const raw = tail === undefined ? ext[head] : obj(ext[head], `permissions.external.${head}`)[tail];
    list(raw, `permissions.external.${kind}`).forEach((item, i) => entries.push(egressEntry(kind, item, i)));
  }
  return entries;
}

function egressEntry(kind: ExternalKind, item: unknown, index: number): EgressEntry {
  const field = `permissions.external.${kind}[${index}]`;
  if (typeof item === 'string') {
    return { kind, address: item, host: hostOf(item), remote: null, category: null, inScopeEUD: true };
  }
  if (!isRecord(item)) throw new InvalidManifestError(`${field} must be a string or a mapping`);
  const remote = str(item.remote);
  if (remote !== null) {
    return { kind, address: `remote:${remote}`, host: null, remote, category: null, inScopeEUD: true };
  }
  const address = str(item.address);
  if (address === null) throw new InvalidManifestError(`${field} needs an address or a remote`);
  return {
    kind,
    address,
    host: hostOf(address),
    remote: null,
    category: item.category === 'analytics' ? 'analytics' : null,
    inScopeEUD: item.inScopeEUD !== false,
  };
}

function remotes(manifest: Obj): RemoteEntry[] {
  return list(manifest.remotes, 'remotes').map((item, i) => {
    const remote = obj(item, `remotes[${i}]`);
    const key = str(remote.key) ?? `#${i}`;
    const base = remote.baseUrl;
    const baseUrls =
      typeof base === 'string'
        ? [base]
        : isRecord(base)
          ? Object.values(base).filter((v): v is string => typeof v === 'string')
          : [];
    const storage = obj(remote.storage, `remotes[${i}].storage`);
    const operations = list(remote.operations, `remotes[${i}].operations`);
    const inScopeEUD = storage.inScopeEUD === true;
    return {
      key,
      baseUrls,
      hosts: [...new Set(baseUrls.map(hostOf))],
      storesData: inScopeEUD || operations.includes('storage'),
      inScopeEUD,
    };
  });
}

function keysOf(items: unknown[]): string[] {
  return items.map((item, i) => (isRecord(item) ? (str(item.key) ?? str(item.name)) : null) ?? `#${i}`);
}

function providers(manifest: Obj): string[] {
  const p = obj(manifest.providers, 'providers');
  return keysOf(list(p.auth, 'providers.auth'));
}

function connectModules(manifest: Obj): string[] {
  const connect = obj(manifest.connectModules, 'connectModules');
  return Object.entries(connect).flatMap(([type, items]) =>
    Array.isArray(items) ? keysOf(items).map((key) => `${type}: ${key}`) : [type],
  );
}

function scopes(permissions: Obj): string[] {
  const raw = permissions.scopes;
  if (Array.isArray(raw)) return raw.filter((s): s is string => typeof s === 'string');
  if (isRecord(raw)) return Object.keys(raw); // the map form `scope: { allowImpersonation: true }`
  if (raw === undefined || raw === null) return [];
  throw new InvalidManifestError('permissions.scopes must be a list');
}

function storage(app: Obj, modules: Obj, scopeList: string[]): { uses: StorageUse[]; sqlWithoutResidency: string[] } {
  const uses: StorageUse[] = [];
  if (scopeList.includes('storage:app')) uses.push({ kind: 'kvs', declaredBy: 'permissions.scopes: storage:app' });
  const entities = keysOf(list(obj(app.storage, 'app.storage').entities, 'app.storage.entities'));
  if (entities.length > 0)
    uses.push({ kind: 'custom-entities', declaredBy: `app.storage.entities: ${entities.join(', ')}` });
  const sql = list(modules.sql, 'modules.sql');
  if (sql.length > 0) uses.push({ kind: 'sql', declaredBy: `modules.sql: ${keysOf(sql).join(', ')}` });
  const sqlWithoutResidency = sql
    .filter((m) => isRecord(m) && m.dareCompliant === false)
    .map((m, i) => (isRecord(m) ? str(m.key) : null) ?? `#${i}`);
  return { uses, sqlWithoutResidency };
}

export function readManifestFacts(manifest: unknown): ManifestFacts {
  if (!isRecord(manifest)) throw new InvalidManifestError('the manifest must be a YAML mapping');
  const app = obj(manifest.app, 'app');
  const modules = obj(manifest.modules, 'modules');
  const permissions = obj(manifest.permissions, 'permissions');
  const scopeList = scopes(permissions);
  const { uses, sqlWithoutResidency } = storage(app, modules, scopeList);

  const dynamicWebTriggers = list(modules.webtrigger, 'modules.webtrigger')
    .filter((item) => !(isRecord(item) && isRecord(item.response) && item.response.type === 'static'))
    .map((item, i) => (isRecord(item) ? str(item.key) : null) ?? `#${i}`);

  const endpoints = list(modules.endpoint, 'modules.endpoint').map((item, i) => {
    const e = obj(item, `modules.endpoint[${i}]`);
    return { key: str(e.key) ?? `#${i}`, remote: str(e.remote), service: str(e.service) };
  });

  const ext = obj(permissions.external, 'permissions.external');
  return {
    appId: str(app.id),
    scopes: scopeList,
    egress: external(permissions),
    remotes: remotes(manifest),
    providers: providers(manifest),
    connectModules: connectModules(manifest),
    dynamicWebTriggers,
    endpoints,
    storage: uses,
    sqlWithoutResidency,
    configurableEgress: isRecord(ext.configurable) && ext.configurable.enabled === true,
    moduleTypes: Object.keys(modules),
  };
}

/** How an egress entry reads in messages: `permissions.external.fetch.backend: api.example.com`. */
export function describeEgress(entry: EgressEntry): string {
  return `permissions.external.${entry.kind}: ${entry.address}`;
}
