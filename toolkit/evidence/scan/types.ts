/** What the evidence scanner (app-scan.ts) reports for one source file. */
import type { ExternalKind } from '../../../src/domain/evidence/types';
import type { RestProduct } from '../route-scopes';

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

/** What a name in the file is bound to: a package (or the app's module) and the members read from it. */
export interface Binding {
  pkg: string;
  members: string[];
}

/** A callee as a chain of names (`api.asUser().requestJira` → root `api`, names [asUser, (), requestJira]). */
export interface Chain {
  root: string;
  names: string[];
}
