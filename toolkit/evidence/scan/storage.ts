/** Forge storage operations (KVS, legacy storage, custom entities, secrets, SQL, product properties) and the keys they write. */
import type ts from 'typescript';
import { CALL } from '../syntax';
import type { Scan } from './context';
import { SECRET_OPS, STORAGE_WRITES } from './names';
import type { StorageKindInCode } from './types';

/** One storage operation `op`; with `keyArg`, a write's first argument is the key it writes. */
export function storageOp(
  scan: Scan,
  kind: StorageKindInCode,
  node: ts.CallExpression,
  op: string,
  keyArg: boolean,
): void {
  scan.findings.push({
    type: 'storage',
    kind,
    at: scan.at(node),
    what: scan.text(node),
    write: STORAGE_WRITES.has(op),
    key: keyArg && STORAGE_WRITES.has(op) ? (scan.values.values(node.arguments[0], null)?.[0] ?? null) : null,
  });
}

/**
 * `storage.…` of @forge/api, at index `s` of the names: the storage:app scope and the kind of storage;
 * legacy storage is also a removed API.
 */
export function forgeApiStorage(scan: Scan, names: string[], s: number, node: ts.CallExpression): void {
  const op = names[s + 1] ?? '';
  if (op !== 'entity' && names.length > s + 2) return; // `storage.query().where(…)`: counted once, at `query`
  scan.findings.push({ type: 'scope', scope: 'storage:app', at: scan.at(node), what: scan.text(node) });
  const last = names[names.length - 1] ?? '';
  if (op === 'entity') {
    if (last !== 'entity') storageOp(scan, 'custom-entities', node, last, false);
  } else if (SECRET_OPS.has(op)) {
    storageOp(scan, 'secrets', node, op, false);
    storageOp(scan, 'legacy-storage', node, op, false);
  } else if (op !== '') {
    storageOp(scan, 'legacy-storage', node, op, true);
    scan.findings.push({
      type: 'removed-api',
      at: scan.at(node),
      what: `legacy storage from @forge/api (${scan.text(node)}): deprecated, and announced as removed on 2026-06-22 (Atlassian changelog CHANGE-3252; the storage overview page as last read still calls it supported); use @forge/kvs`,
    });
  }
}

/** `kvs.set(…)`, `kvs.entity(…).get(…)`, `kvs.transact().set(…)` of @forge/kvs. */
export function kvsCall(scan: Scan, names: string[], node: ts.CallExpression): void {
  const op = names[names.length - 1] ?? '';
  const first = names[0] === 'kvs' ? names[1] : names[0];
  if (names.includes('entity')) {
    if (op !== 'entity') storageOp(scan, 'custom-entities', node, op, false);
  } else if (SECRET_OPS.has(op)) {
    storageOp(scan, 'secrets', node, op, false);
    storageOp(scan, 'kvs', node, op, false);
  } else if (first !== undefined && first !== CALL && (first === op || first === 'transact' || first === 'query'))
    storageOp(scan, 'kvs', node, op, true);
}

/** Entity and content properties of @forge/api (`properties.onJiraIssue(…).set(…)`). */
export function productProperties(scan: Scan, names: string[], node: ts.CallExpression): void {
  if (names.includes('properties') && /^on(Jira|Confluence)/.test(names[names.indexOf('properties') + 1] ?? ''))
    storageOp(scan, 'product-properties', node, names[names.length - 1] ?? '', false);
}
