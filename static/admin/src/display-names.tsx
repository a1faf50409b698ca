/** Display names for account ids, looked up once per page through the product and shared by every component. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Product } from '../../../src/contract';
import { fetchDisplayName, type AccountLookup } from './api';
import { useI18n } from './i18n/context';

export type NameLookup = (accountId: string) => Promise<AccountLookup>;

const UNKNOWN: AccountLookup = { kind: 'unknown' };

export class NameDirectory {
  private readonly cache = new Map<string, Promise<AccountLookup>>();
  private readonly known = new Map<string, AccountLookup>();

  constructor(private readonly lookup: NameLookup) {}

  static forProduct(product: Product): NameDirectory {
    return new NameDirectory((accountId) => fetchDisplayName(product, accountId));
  }

  peek(accountId: string): AccountLookup | undefined {
    return this.known.get(accountId);
  }

  resolve(accountId: string): Promise<AccountLookup> {
    let pending = this.cache.get(accountId);
    if (!pending) {
      pending = this.lookup(accountId).catch(() => UNKNOWN);
      void pending.then((name) => this.known.set(accountId, name));
      this.cache.set(accountId, pending);
    }
    return pending;
  }
}

/** A name to show: `ours` when it is the page's own word ("a deleted account"), not an account's name. */
export interface DisplayName {
  text: string;
  ours: boolean;
}

/**
 * The label for an account: its display name; "a deleted account" for null (its ID was erased); "a closed
 * account" when the product says the account is gone (before the weekly report erases its ID); "Unknown
 * user" when the product does not say; undefined while loading.
 */
export function useDisplayName(directory: NameDirectory, accountId: string | null): DisplayName | undefined {
  const { t } = useI18n();
  const [name, setName] = useState<AccountLookup | undefined>(() =>
    accountId === null ? undefined : directory.peek(accountId),
  );
  useEffect(() => {
    if (accountId === null) return;
    let live = true;
    const cached = directory.peek(accountId);
    setName(cached);
    if (cached === undefined) {
      void directory.resolve(accountId).then((resolved) => {
        if (live) setName(resolved);
      });
    }
    return () => {
      live = false;
    };
  }, [directory, accountId]);
  if (accountId === null) return { text: t('names.deleted'), ours: true };
  if (name === undefined) return undefined;
  if (name.kind === 'closed') return { text: t('names.closed'), ours: true };
  return name.kind === 'name' ? { text: name.name, ours: false } : { text: t('names.unknown'), ours: true };
}

/** An account's name as page content (not the page's own words: never translated). */
export function Who({ name }: { name: DisplayName | undefined }): JSX.Element {
  const { t } = useI18n();
  if (name === undefined) return <span class="who">{t('common.loading')}</span>;
  return (
    <span class="who" data-content={name.ours ? undefined : 'user'}>
      {name.text}
    </span>
  );
}
