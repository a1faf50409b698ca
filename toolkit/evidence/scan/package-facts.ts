/** What loading a package says on its own (an SDK that phones home, Forge storage, a removed API…). */
import type ts from 'typescript';
import { phoneHomeSdk } from '../sdk-hosts';
import type { Scan } from './context';
import { forgeHelperLibrary } from './names';
import type { Finding } from './types';

/** A rule: the findings a file that loads `spec` has, at `at`. */
type PackageRule = (spec: string, at: string, scan: Scan) => Finding[];

const phoneHome: PackageRule = (spec, at, scan) => {
  const sdk = phoneHomeSdk(spec);
  if (!sdk) return [];
  return [
    { type: 'egress', kind: scan.fetchKind(), address: sdk.hosts[0] ?? null, at, via: `${sdk.what} SDK ${spec}` },
  ];
};

const kvs: PackageRule = (spec, at) =>
  spec === '@forge/kvs' ? [{ type: 'scope', scope: 'storage:app', at, what: 'imports @forge/kvs' }] : [];

const helperLibrary: PackageRule = (spec, at) =>
  forgeHelperLibrary(spec)
    ? [
        {
          type: 'opaque-calls',
          at,
          what: `imports ${spec}, a third-party library for Atlassian apps whose product calls are not in the app's code`,
        },
      ]
    : [];

const uiKit1: PackageRule = (spec, at) =>
  spec === '@forge/ui'
    ? [
        {
          type: 'removed-api',
          at,
          what: 'imports @forge/ui: UI Kit 1, which Forge has removed (use @forge/react with render: native, or Custom UI)',
        },
      ]
    : [];

const llm: PackageRule = (spec, at) =>
  spec === '@forge/llm' ? [{ type: 'module', module: 'llm', at, what: 'imports @forge/llm' }] : [];

const sql: PackageRule = (spec, at) =>
  spec === '@forge/sql'
    ? [
        { type: 'storage', kind: 'sql', at, what: 'imports @forge/sql', write: true, key: null },
        { type: 'module', module: 'sql', at, what: 'imports @forge/sql' },
      ]
    : [];

const objectStore: PackageRule = (spec, at) =>
  spec === '@forge/os' || spec === '@forge/object-store'
    ? [{ type: 'storage', kind: 'object-store', at, what: `imports ${spec}`, write: true, key: null }]
    : [];

const RULES: readonly PackageRule[] = [phoneHome, kvs, helperLibrary, uiKit1, llm, sql, objectStore];

/** The file loads `spec` (import, require, dynamic import): the import graph and the package's findings. */
export function importedPackage(scan: Scan, spec: string, node: ts.Node): void {
  scan.imports.push(spec);
  const at = scan.at(node);
  for (const rule of RULES) scan.findings.push(...rule(spec, at, scan));
}
