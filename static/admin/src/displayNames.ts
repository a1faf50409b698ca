/** Display names for account ids, looked up once per page through the product and shared by every component. */
import { useEffect, useState } from 'preact/hooks';
import type { Product } from '../../../src/contract';
import { fetchDisplayName } from './api';

export const UNKNOWN_USER = 'Unknown user';
export const DELETED_ACCOUNT = 'a deleted account';

export type NameLookup = (accountId: string) => Promise<string | null>;

export class NameDirectory {
  private readonly cache = new Map<string, Promise<string>>();
  private readonly known = new Map<string, string>();

  constructor(private readonly lookup: NameLookup) {}

  static forProduct(product: Product): NameDirectory {
    return new NameDirectory((accountId) => fetchDisplayName(product, accountId));
  }

  peek(accountId: string): string | undefined {
    return this.known.get(accountId);
  }

  resolve(accountId: string): Promise<string> {
    let pending = this.cache.get(accountId);
    if (!pending) {
      pending = this.lookup(accountId).then(
        (name) => name ?? UNKNOWN_USER,
        () => UNKNOWN_USER,
      );
      pending.then((name) => this.known.set(accountId, name));
      this.cache.set(accountId, pending);
    }
    return pending;
  }
}

/** The label for an account: its display name, "a deleted account" for null, undefined while loading. */
export function useDisplayName(directory: NameDirectory, accountId: string | null): string | undefined {
  const [name, setName] = useState<string | undefined>(() =>
    accountId === null ? DELETED_ACCOUNT : directory.peek(accountId),
  );
  useEffect(() => {
    if (accountId === null) {
      setName(DELETED_ACCOUNT);
      return;
    }
    let live = true;
    const cached = directory.peek(accountId);
    setName(cached);
    if (cached === undefined) {
      directory.resolve(accountId).then((resolved) => {
        if (live) setName(resolved);
      });
    }
    return () => {
      live = false;
    };
  }, [directory, accountId]);
  return name;
}
