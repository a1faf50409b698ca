/**
 * The preview's server-side state: the platform emulator (persisted), the real resolver handler over the
 * current catalog, and who the simulated viewer is. Identity lives here, never in what the page sends.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Product } from '../../src/contract';
import type { Evidence } from '../../src/domain/evidence/types';
import type { StatementCatalog, StatementSource } from '../../src/domain/statement/types';
import { createResolverHandler } from '../../src/resolvers';
import { createPersonalDataTrigger } from '../../src/triggers/report-personal-data';
import { ForgeEmulator, type ForgeResolverHandler, type SampleUser } from '../emulator';
import { bundledCatalog, bundledEvidence } from '../harness/bundled-catalog';
import { nextVersionSource, withPublished } from './catalog';
import { PREVIEW_ACCOUNTS, PREVIEW_USERS } from './users';

export type Theme = 'light' | 'dark';

export interface Viewpoint {
  accountId: string;
  product: Product;
  theme: Theme;
  /** What view.getContext().locale reports (BCP 47): picks the page's catalog and the statement's translation. */
  locale: string;
}

/** The preview's one simulated site; each product on it is a separate installation. */
export const PREVIEW_CLOUD_ID = '5e1f0c3a-0000-4000-8000-00000000c10d';

export function installContextOf(product: Product): string {
  return `ari:cloud:${product}::site/${PREVIEW_CLOUD_ID}`;
}

export interface PreviewBackendOptions {
  storageDir: string;
  users?: SampleUser[];
  /** Use this catalog instead of src/generated/statements.json (tests). */
  baseCatalog?: StatementCatalog;
  /** What the page shows as evidence; default src/generated/evidence.json (a host's preview passes its own). */
  evidence?: Evidence;
  /** Write storage to `storageDir/storage.json` after every change; default true. Off for large benchmarks. */
  persist?: boolean;
}

/** One resolver call the preview made, with the storage reads (get, batchGet, query operations) it caused. */
export interface InvocationRecord {
  functionKey: string;
  storageReads: number;
  storageQueries: number;
}

const READ_COUNTERS = ['kvs.get', 'kvs.batchGet', 'kvs.query'];

function sumOf(counts: Record<string, number>, names: readonly string[]): number {
  return names.reduce((total, name) => total + (counts[name] ?? 0), 0);
}

export class PreviewBackend {
  readonly emulator: ForgeEmulator;
  readonly catalogOrigin: 'policy' | 'given';
  private readonly base: StatementCatalog;
  private readonly evidence: Evidence;
  private readonly publishedFile: string;
  private published: StatementSource[];
  private handler: ForgeResolverHandler;
  /** Every resolver call since the last `clearInvocations()`, in order. */
  readonly invocations: InvocationRecord[] = [];
  private current: Viewpoint = { accountId: PREVIEW_ACCOUNTS.ada, product: 'jira', theme: 'light', locale: 'en-GB' };
  private readonly initialUsers: readonly SampleUser[];

  constructor(options: PreviewBackendOptions) {
    mkdirSync(options.storageDir, { recursive: true });
    this.initialUsers = options.users ?? PREVIEW_USERS;
    this.emulator = new ForgeEmulator({
      ...(options.persist === false ? {} : { persistFile: join(options.storageDir, 'storage.json') }),
      users: [...this.initialUsers],
    }).install();
    this.base = options.baseCatalog ?? bundledCatalog;
    this.evidence = options.evidence ?? bundledEvidence;
    this.catalogOrigin = options.baseCatalog ? 'given' : 'policy';
    this.publishedFile = join(options.storageDir, 'published.json');
    this.published = this.readPublished();
    this.handler = this.buildHandler();
  }

  get viewpoint(): Viewpoint {
    return { ...this.current };
  }

  get catalog(): StatementCatalog {
    return withPublished(this.base, this.published);
  }

  get users(): SampleUser[] {
    return this.emulator.users.list();
  }

  /** Switches who is looking, in which product, in which theme. Unknown accounts are refused. */
  update(change: Partial<Viewpoint>): Viewpoint {
    if (change.accountId !== undefined && !this.emulator.users.get(change.accountId)) {
      throw new Error(`No sample user ${change.accountId}`);
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the control page's JSON is untrusted: typed as it should be, checked as it is
    if (change.product !== undefined && change.product !== 'jira' && change.product !== 'confluence') {
      throw new Error(`Unknown product ${String(change.product)}`);
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- as above
    if (change.theme !== undefined && change.theme !== 'light' && change.theme !== 'dark') {
      throw new Error(`Unknown theme ${String(change.theme)}`);
    }
    if (change.locale !== undefined && !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}$/.test(change.locale)) {
      throw new Error(`Not a locale: ${change.locale}`);
    }
    this.current = { ...this.current, ...stripUndefined(change) };
    return this.viewpoint;
  }

  /** Runs one resolver as the current viewer, through the emulator, exactly as Forge would call it. */
  async invoke(functionKey: string, payload: unknown): Promise<unknown> {
    const before = this.emulator.counters();
    try {
      return await this.emulator.invoke(this.handler, functionKey, payload, {
        installContext: installContextOf(this.current.product),
        accountId: this.current.accountId,
      });
    } finally {
      const after = this.emulator.counters();
      this.invocations.push({
        functionKey,
        storageReads: sumOf(after, READ_COUNTERS) - sumOf(before, READ_COUNTERS),
        storageQueries: (after['kvs.query'] ?? 0) - (before['kvs.query'] ?? 0),
      });
    }
  }

  clearInvocations(): void {
    this.invocations.length = 0;
  }

  /** Publishes version N+1 (a material change) and swaps it into the handler. Returns the new version. */
  publishNextVersion(now: Date = new Date()): number {
    const versions = this.catalog.versions;
    const last = versions[versions.length - 1];
    if (!last) throw new Error('The catalog is empty');
    const next = nextVersionSource(last.source, now);
    this.published = [...this.published, next];
    writeFileSync(this.publishedFile, `${JSON.stringify(this.published, null, 2)}\n`);
    this.handler = this.buildHandler();
    return next.version;
  }

  /** Closes a sample account, as Atlassian would: the weekly job then reports it `closed` and erases it. */
  closeAccount(accountId: string): void {
    if (accountId === this.current.accountId) throw new Error('Switch to another user before closing this account');
    this.emulator.users.closeAccount(accountId);
  }

  /**
   * Runs the weekly personal-data job (the real scheduled trigger, src/triggers/report-personal-data.ts) for
   * the current product's installation, against the emulated reporting API. Returns the trigger's log line.
   * It reports each account once per cycle (7 days): a second run in a week says `not-due`.
   */
  async runPersonalDataJob(): Promise<string> {
    const lines: string[] = [];
    const installContext = installContextOf(this.current.product);
    const trigger = createPersonalDataTrigger({ catalog: this.catalog, log: (line) => lines.push(line) });
    await this.emulator.run({ installContext }, () => trigger({ context: {} }, { installContext }));
    return lines.join('\n');
  }

  /** Wipes both installations' storage and the versions published in the preview, and reopens closed accounts. */
  reset(): void {
    for (const user of this.initialUsers) this.emulator.users.set(user);
    this.emulator.reset();
    this.published = [];
    rmSync(this.publishedFile, { force: true });
    this.handler = this.buildHandler();
  }

  close(): void {
    this.emulator.uninstall();
  }

  private buildHandler(): ForgeResolverHandler {
    return createResolverHandler({ catalog: this.catalog, evidence: this.evidence });
  }

  /** Versions published in an earlier preview session, minus any the bundled catalog has since caught up with. */
  private readPublished(): StatementSource[] {
    if (!existsSync(this.publishedFile)) return [];
    const parsed: unknown = JSON.parse(readFileSync(this.publishedFile, 'utf8'));
    const baseLast = this.base.versions[this.base.versions.length - 1]?.source.version ?? 0;
    return Array.isArray(parsed) ? (parsed as StatementSource[]).filter((s) => s.version > baseLast) : [];
  }
}

function stripUndefined<T extends object>(value: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What the preview answers to a bridge `fetchProduct`: the product as the current viewer sees it. */
export interface ProductAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

export async function askProduct(
  backend: PreviewBackend,
  product: string,
  restPath: string,
  method: string,
): Promise<ProductAnswer> {
  const { product: installed, accountId } = backend.viewpoint;
  if (product !== installed) {
    return {
      status: 404,
      statusText: 'Not Found',
      headers: { 'content-type': 'application/json' },
      body: '{"message":"Not this product"}',
    };
  }
  const response = await backend.emulator.run({ installContext: installContextOf(installed), accountId }, () =>
    backend.emulator.fetch({ type: 'fpp', provider: 'user', remote: installed, accountId }, restPath, { method }),
  );
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    status: response.status,
    statusText: response.statusText,
    headers,
    body: await response.text(),
  };
}
