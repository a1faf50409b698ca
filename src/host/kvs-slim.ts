/**
 * The part of `@forge/kvs` the panel calls (`kvs`, `ForgeKvsAPIError`, `WhereConditions`), built from the
 * modules of @forge/kvs 1.6.5 that hold them. The package build (scripts/package-runtime.ts) puts this module
 * where the runtime imports `@forge/kvs`: the index adds nothing the panel calls, but it loads `tslib` for one
 * re-export helper, and a host's bundler then copies all of tslib (about 18 KB) into the panel's entry.
 * test/host/kvs-slim.test.ts checks that this client sends the index's requests, byte for byte, in both ways
 * a Forge runtime can reach storage. The endpoint glue below is ours, written to the platform seam that
 * every deployed app's own bundled copy of @forge/kvs 1.6.5 also uses: Forge has to keep answering it for
 * those apps, so it cannot stop answering this one.
 */
import { KvsImpl } from '@forge/kvs/out/kvs';
import { StorageApi } from '@forge/kvs/out/storage-api';

export { ForgeKvsAPIError } from '@forge/kvs/out/errors';
export { WhereConditions } from '@forge/kvs/out/conditions';

type FetchClient = ConstructorParameters<typeof StorageApi>[0];
type FetchInit = Parameters<FetchClient>[1];

interface KvsRuntime {
  proxy?: { token?: string };
  kvs?: { url?: string; host?: string };
  tracing?: { traceId?: string; spanId?: string };
}

interface ForgeGlobals {
  __forge_runtime__?: KvsRuntime;
  __forge_fetch__: (target: object, path: string, init?: FetchInit) => ReturnType<FetchClient>;
}

const forge = globalThis as unknown as ForgeGlobals;

/**
 * The platform's storage endpoint, read on each call (never cached: a warm runtime serves many sites). A
 * runtime that names a KVS host is reached through it with the invocation's proxy token and trace ids;
 * otherwise the request goes to the app's `kvs` remote, as the index does.
 */
const fetchClient: FetchClient = async (path, init) => {
  const runtime = forge.__forge_runtime__;
  if (runtime?.kvs?.url && runtime.kvs.host) {
    // Trace ids the runtime lacks stay undefined, as the index sends them.
    const headers: Record<string, string | undefined> = {
      ...init?.headers,
      Authorization: `Bearer ${runtime.proxy?.token}`,
      Host: runtime.kvs.host,
      'x-b3-traceid': runtime.tracing?.traceId,
      'x-b3-spanid': runtime.tracing?.spanId,
    };
    return forge.__forge_fetch__({ type: 'kvs' }, path, { ...init, headers: headers as Record<string, string> });
  }
  return forge.__forge_fetch__({ type: 'kvs', provider: 'app', remote: 'kvs' }, path, init);
};

export const kvs = new KvsImpl(new StorageApi(fetchClient));
