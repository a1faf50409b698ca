/** Which installation and account the current async call chain belongs to. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { InvocationIdentity } from './types';

/** Where KVS calls made outside `run()` go. */
export const DEFAULT_INSTALL_CONTEXT = 'ari:cloud:jira::site/00000000-0000-4000-8000-000000000000';

/** `ari:cloud:<product>::site/<cloudId>`; the cloud ID is normally a UUID but any non-empty id is accepted. */
const INSTALL_CONTEXT_PATTERN = /^ari:cloud:(jira|confluence)::site\/([^/\s]+)$/;

export interface ParsedInstallContext {
  product: 'jira' | 'confluence';
  cloudId: string;
}

export function parseInstallContext(installContext: string): ParsedInstallContext | undefined {
  const m = INSTALL_CONTEXT_PATTERN.exec(installContext);
  return m ? { product: m[1] as 'jira' | 'confluence', cloudId: m[2] as string } : undefined;
}

export class IdentityContext {
  private readonly storage = new AsyncLocalStorage<InvocationIdentity>();

  run<T>(identity: InvocationIdentity, fn: () => Promise<T>): Promise<T> {
    if (!parseInstallContext(identity.installContext)) {
      return Promise.reject(new Error(`Not a Jira or Confluence installation ARI: ${identity.installContext}`));
    }
    const frozen: InvocationIdentity = Object.freeze({ ...identity });
    return this.storage.run(frozen, fn);
  }

  current(): InvocationIdentity {
    return this.storage.getStore() ?? { installContext: DEFAULT_INSTALL_CONTEXT };
  }
}
