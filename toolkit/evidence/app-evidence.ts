/**
 * Puts one app's evidence together: the manifest's facts, and what its code was seen to do (the file scans
 * of app-scan.ts), into an `AppEvidence`. Pure: toolkit/cli/app-files.ts finds and reads the files.
 */
import type {
  AppEvidence,
  CodeEgress,
  CodeSide,
  ManifestFacts,
  ScopeUse,
  StorageEvidenceKind,
} from '../../src/domain/evidence/types';
import type { FileScan, Finding } from './app-scan';
import { runsOnAtlassian } from './eligibility';
import { matchRoute, PLACEHOLDER, satisfied, type RestProduct } from './route-scopes';
import {
  counterparts,
  couldNeed,
  eventAlternatives,
  families,
  isGranular,
  isKnownScope,
  moduleAlternatives,
  neededBy,
  scopeProduct,
} from './scope-needs';
import { hostCovered } from './sdk-hosts';
import { PARAM_MARKERS } from './static-values';
import { ownValue } from '../../src/domain/is-record';

export interface ScannedFile {
  path: string;
  side: CodeSide;
  lines: number;
  scan: FileScan;
}

export interface AppInputs {
  /** The manifest path as it should be shown (relative to the folder given). */
  manifestPath: string;
  /** The parsed manifest document. */
  manifest: Record<string, unknown>;
  facts: ManifestFacts;
  files: readonly ScannedFile[];
  /** Problems found while loading (unreadable files, unresolved variables, missing resources…). */
  problems: AppEvidence['problems'];
}

/** Loading problems that mean some of the app's code was not read: no scope can then be called unused. */
const INCOMPLETE_RULES = ['handler-not-found', 'resource-source-not-found', 'unreadable-file'];

/** Scopes the manifest itself justifies: entities need storage:app, remotes receive app tokens. */
function manifestJustified(facts: ManifestFacts): Map<string, string> {
  const out = new Map<string, string>();
  const entities = facts.storage.find((s) => s.kind === 'custom-entities');
  if (entities) out.set('storage:app', entities.declaredBy);
  if (facts.remotes.length > 0 || facts.endpoints.length > 0) {
    out.set('read:app-system-token', `remotes: ${facts.remotes.map((r) => r.key).join(', ')}`);
    out.set('read:app-user-token', `remotes: ${facts.remotes.map((r) => r.key).join(', ')}`);
  }
  return out;
}

const records = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];

/** Each trigger module's events, and every module type with its keys. */
function manifestModules(manifest: Record<string, unknown>): {
  events: { key: string; event: string }[];
  modules: { type: string; key: string }[];
} {
  const modules = manifest.modules;
  const events: { key: string; event: string }[] = [];
  const types: { type: string; key: string }[] = [];
  if (typeof modules !== 'object' || modules === null) return { events, modules: types };
  for (const [type, items] of Object.entries(modules as Record<string, unknown>))
    for (const m of records(items)) {
      const key = typeof m.key === 'string' ? m.key : '?';
      types.push({ type, key });
      if (type === 'trigger' && Array.isArray(m.events))
        for (const e of m.events) if (typeof e === 'string') events.push({ key, event: e });
    }
  return { events, modules: types };
}

function split(at: string): { file: string; line: number } {
  const i = at.lastIndexOf(':');
  return { file: at.slice(0, i), line: Number(at.slice(i + 1)) || 0 };
}

const sortedUnique = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

interface ScopeResult {
  scopes: AppEvidence['scopes'];
  scopeUse: ScopeUse[];
  problems: AppEvidence['problems'];
}

/** Where a finding proves a scope: the file for an import (a file-wide fact) or a finding with no line, else file:line. */
function provedAt(at: string, what: string): string {
  const { file, line } = split(at);
  return what.startsWith('imports ') || line === 0 ? file : at;
}

const alternativesText = (alts: readonly string[][]): string => alts.map((alt) => alt.join(' + ')).join(' or ');

/** What the findings say of the declared scopes so far: used by whom, missing, maybe needed; the problems. */
class ScopeLedger {
  readonly declared: Set<string>;
  readonly usedBy = new Map<string, string[]>();
  readonly missing = new Set<string>();
  /** Declared scopes a specific unreadable call could need, with the first such call. */
  readonly mayNeed = new Map<string, string>();
  /** Products (or every product, `*`) whose any scope an unreadable call could need. */
  readonly mayNeedAny = new Map<string, string>();
  readonly problems: AppEvidence['problems'] = [];

  constructor(scopes: readonly string[]) {
    this.declared = new Set(scopes);
  }

  credit(scope: string, by: string): void {
    this.usedBy.set(scope, [...(this.usedBy.get(scope) ?? []), by]);
  }

  could(scope: string, at: string): void {
    if (this.declared.has(scope) && !this.mayNeed.has(scope)) this.mayNeed.set(scope, at);
  }

  /** Any scope of `product` (`*`: of every product) could be needed, first at `at`. */
  couldAny(product: string, at: string): void {
    if (!this.mayNeedAny.has(product)) this.mayNeedAny.set(product, at);
  }

  warn(at: string, message: string): void {
    this.problems.push({ ...split(at), rule: 'unverified-call', severity: 'warning', message });
  }

  /** A call (or event, module) that needs one of `alts`: credit what is declared, else tell missing from unverifiable. */
  need(alts: readonly string[][], at: string, what: string, by = at, of?: string): void {
    const ok = satisfied(alts, this.declared);
    if (ok.length > 0) {
      // Each declared alternative would serve: all are used (none can be called unused).
      ok.flat().forEach((s) => this.credit(s, by));
      return;
    }
    if (this.otherFamily(alts, at, what, of ?? scopeProduct(alts.flat()[0] ?? ''))) return;
    const declared = this.declared;
    const closest = [...alts].sort(
      (a, b) => a.filter((s) => !declared.has(s)).length - b.filter((s) => !declared.has(s)).length,
    )[0];
    (closest ?? []).filter((s) => !declared.has(s)).forEach((s) => this.missing.add(s));
    this.problems.push({
      ...split(at),
      rule: 'missing-scope',
      severity: 'error',
      message: `${what} needs ${alternativesText(alts)}; the manifest declares none of these alternatives`,
    });
  }

  /**
   * Atlassian's description lists one family only (classic or granular) and the manifest declares the other
   * family's scopes of the product: whether they serve cannot be told (true), rather than missing (false).
   */
  private otherFamily(alts: readonly string[][], at: string, what: string, ofProduct: string): boolean {
    const listed = families(alts);
    const declaredOther = [...this.declared].filter(
      (s) => scopeProduct(s) === ofProduct && (listed.classic ? isGranular(s) : !isGranular(s)),
    );
    if (listed.classic === listed.granular || declaredOther.length === 0) return false;
    // The other family's equivalent is not in the facts.
    const kin = counterparts(alts.flat()).filter((s) => this.declared.has(s));
    (kin.length > 0 ? kin : declaredOther).forEach((s) => this.could(s, at));
    this.warn(
      at,
      `${what}: Atlassian's description lists only ${listed.classic ? 'classic' : 'granular'} scopes (${alternativesText(alts)}); whether the declared ${listed.classic ? 'granular' : 'classic'} ones serve it cannot be told`,
    );
    return true;
  }

  unreadable(restProduct: RestProduct, method: string | null, path: string | null, at: string): void {
    const { scopes, any } = couldNeed(restProduct, method, path);
    scopes.forEach((s) => this.could(s, at));
    if (any) this.couldAny(restProduct, at);
  }
}

type RestFinding = Extract<Finding, { type: 'rest' }>;

/** A REST call: the scopes its route needs, or why they cannot be told. */
function restNeeds(ledger: ScopeLedger, f: RestFinding): void {
  const label = `${f.method ?? '?'} ${f.path ?? '(dynamic path)'}`;
  if (f.path === null || f.method === null || f.path.startsWith(PLACEHOLDER)) {
    ledger.unreadable(f.product, f.method, f.path, f.at);
    ledger.warn(
      f.at,
      `${f.product} request ${label}: the ${f.path === null || f.path.startsWith(PLACEHOLDER) ? 'path' : 'method'} is not static, so its scopes cannot be told`,
    );
    return;
  }
  const match = matchRoute(f.product, f.method, f.path);
  if (match.kind === 'route' && match.route.alternatives.length > 0) {
    ledger.need(
      match.route.alternatives,
      f.at,
      `${f.product} request ${label} (${match.route.route})`,
      f.at,
      f.product,
    );
    return;
  }
  if (match.kind === 'ambiguous')
    for (const r of match.routes) r.alternatives.flat().forEach((s) => ledger.could(s, f.at));
  else ledger.unreadable(f.product, f.method, f.path, f.at);
  const why =
    f.product === 'bitbucket'
      ? "Bitbucket's REST descriptions with Forge scopes are not among Atlassian's facts here"
      : match.kind === 'route'
        ? `Atlassian's description of ${match.route.route} names no scope`
        : match.kind === 'ambiguous'
          ? `it fits ${match.routes.length} routes that need different scopes`
          : "no route in Atlassian's REST descriptions matches it";
  ledger.warn(f.at, `${f.product} request ${label}: ${why}`);
}

/** A GraphQL call: the scopes of the fields it reads, when it can be read. */
function graphqlNeeds(ledger: ScopeLedger, f: Extract<Finding, { type: 'graphql' }>): void {
  if (f.scopes === null) {
    ledger.couldAny('*', f.at);
    ledger.warn(f.at, `${f.what}: which GraphQL fields it reads cannot be told statically`);
    return;
  }
  for (const alts of f.scopes) {
    // The schema's scopes come from a types package that may lag: one not declared is unverified, not missing.
    const held = alts.filter((s) => ledger.declared.has(s));
    held.forEach((s) => ledger.credit(s, f.at));
    if (held.length === 0) ledger.couldAny(scopeProduct(alts[0] ?? ''), f.at);
  }
}

function findingNeeds(ledger: ScopeLedger, f: Finding): void {
  if (f.type === 'scope') ledger.need([[f.scope]], f.at, f.what, provedAt(f.at, f.what));
  else if (f.type === 'graphql') graphqlNeeds(ledger, f);
  else if (f.type === 'opaque-calls') {
    ledger.couldAny('*', f.at);
    ledger.warn(f.at, `${f.what}: no scope can be called unused`);
  } else if (f.type === 'rest') restNeeds(ledger, f);
}

/** What the manifest's triggers and modules need, and the scopes the manifest itself justifies. */
function manifestNeeds(ledger: ScopeLedger, inputs: AppInputs): void {
  const { events, modules } = manifestModules(inputs.manifest);
  for (const { key, event } of events) {
    const alts = eventAlternatives(event);
    const where = `${inputs.manifestPath} trigger ${key}`;
    if (alts) ledger.need(alts, `${inputs.manifestPath}:0`, `trigger ${key} on ${event}`, `${where} (${event})`);
    else if (!event.startsWith('avi:forge:')) {
      // A product event Atlassian's mapping does not name: it may need any scope of its product.
      ledger.couldAny(/^avi:(jira|confluence|bitbucket|compass)/.exec(event)?.[1] ?? '*', where);
    }
  }
  for (const { type, key } of modules) {
    const alts = moduleAlternatives(type);
    if (alts)
      ledger.need(alts, `${inputs.manifestPath}:0`, `${type} module ${key}`, `${inputs.manifestPath} ${type} ${key}`);
  }
  for (const [scope, by] of manifestJustified(inputs.facts))
    if (ledger.declared.has(scope)) ledger.credit(scope, `${inputs.manifestPath} ${by}`);
}

/** Declared scopes nothing uses: unused when that can be proved (a complete scan, no call that could need them), else unverified. */
function unusedScopes(ledger: ScopeLedger, inputs: AppInputs): { unused: string[]; unverified: string[] } {
  const complete = !inputs.problems.some((p) => INCOMPLETE_RULES.includes(p.rule));
  const { mayNeed, mayNeedAny } = ledger;
  const unused: string[] = [];
  const unverified: string[] = [];
  for (const scope of ledger.declared) {
    if (ledger.usedBy.has(scope)) continue;
    const p = scopeProduct(scope);
    const provable =
      complete &&
      p !== 'other' &&
      isKnownScope(scope) &&
      !mayNeed.has(scope) &&
      !mayNeedAny.has(p) &&
      !(mayNeedAny.has('*') && p !== 'forge');
    (provable ? unused : unverified).push(scope);
  }
  for (const scope of unused) {
    const examples = neededBy(scope);
    ledger.problems.push({
      file: inputs.manifestPath,
      line: 0,
      rule: 'unused-scope',
      severity: 'warning',
      message: `the manifest declares ${scope}, and nothing in the app could need it${examples.length > 0 ? ` (routes and events that need it include ${examples.join(', ')})` : ''}`,
    });
  }
  return { unused, unverified };
}

function analyse(inputs: AppInputs, findings: readonly Finding[]): ScopeResult {
  const ledger = new ScopeLedger(inputs.facts.scopes);
  for (const f of findings) findingNeeds(ledger, f);
  manifestNeeds(ledger, inputs);
  const { unused, unverified } = unusedScopes(ledger, inputs);
  const { declared, usedBy } = ledger;
  return {
    scopes: {
      declared: [...inputs.facts.scopes],
      used: sortedUnique([...usedBy.keys()].filter((s) => declared.has(s))),
      unused: unused.sort(),
      missing: sortedUnique(ledger.missing),
      unverified: unverified.sort(),
    },
    scopeUse: inputs.facts.scopes.map((scope) => ({
      scope,
      usedBy: [...new Set(usedBy.get(scope) ?? [])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    })),
    problems: ledger.problems,
  };
}

function egressInCode(facts: ManifestFacts, findings: readonly Finding[]): CodeEgress[] {
  const out: CodeEgress[] = [];
  const objectStore = findings.some((f) => f.type === 'storage' && f.kind === 'object-store');
  for (const f of findings) {
    if (f.type !== 'egress') continue;
    // A pre-signed URL of the Forge Object Store is an Atlassian address, not egress.
    if (f.signedUrl === true && f.address === null && objectStore) continue;
    let declared: boolean;
    if (f.kind === 'remote') declared = facts.remotes.length > 0;
    else {
      const entries = facts.egress.filter((e) => e.kind === f.kind);
      const address = f.address;
      declared =
        address === null
          ? entries.length > 0 || facts.configurableEgress
          : entries.some((e) => e.host !== null && hostCovered(e.host, address)) ||
            entries.some(
              (e) => e.remote !== null && facts.remotes.find((r) => r.key === e.remote)?.hosts.includes(address),
            );
    }
    out.push({ kind: f.kind, address: f.address, declared, at: f.at, via: f.via });
  }
  return out;
}

function storageKinds(inputs: AppInputs, findings: readonly Finding[]): StorageEvidenceKind[] {
  const kinds = new Set<StorageEvidenceKind>();
  for (const f of findings) {
    if (f.type === 'storage') kinds.add(f.kind);
    if (
      f.type === 'rest' &&
      f.path !== null &&
      /\/propert(y|ies)\b/.test(f.path) &&
      (f.method === 'PUT' || f.method === 'POST')
    )
      kinds.add('product-properties');
  }
  for (const s of inputs.facts.storage) if (s.kind !== 'kvs') kinds.add(s.kind);
  const order: StorageEvidenceKind[] = [
    'kvs',
    'legacy-storage',
    'custom-entities',
    'sql',
    'object-store',
    'product-properties',
    'secrets',
  ];
  return order.filter((k) => kinds.has(k));
}

function keyFamilies(findings: readonly Finding[]): AppEvidence['keyFamilies'] {
  const out = new Map<string, AppEvidence['keyFamilies'][number]>();
  for (const f of findings) {
    if (f.type !== 'storage') continue;
    let family: string | null = null;
    if (f.kind === 'custom-entities') family = /entity\(\s*['"`]([^'"`$]+)/.exec(f.what)?.[1] ?? null;
    else if (f.write && f.key !== null) {
      const cut = f.key.indexOf('${');
      family = cut < 0 ? f.key : f.key.slice(0, cut);
    }
    if (family === null || family === '') continue;
    const key = `${f.kind} ${family}`;
    if (!out.has(key)) out.set(key, { kind: f.kind, family, at: f.at });
  }
  return [...out.values()];
}

/** APIs that need a module of their type in the manifest (`@forge/sql` → sql, an events `Queue` → consumer). */
function moduleProblems(
  facts: ManifestFacts,
  findings: readonly Finding[],
  manifestPath: string,
): AppEvidence['problems'] {
  return findings.flatMap((f) =>
    f.type === 'module' && !facts.moduleTypes.includes(f.module)
      ? [
          {
            ...split(f.at),
            rule: 'missing-module',
            severity: 'error' as const,
            message: `${f.what} needs a '${f.module}' module, missing from ${manifestPath} modules`,
          },
        ]
      : [],
  );
}

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** `app.connect.key`: the app is (also) a Connect app, with a remote back end. */
function connectKey(manifest: Record<string, unknown>): string | null {
  const connect = obj(manifest.app).connect;
  if (connect === undefined || connect === null) return null;
  const key = obj(connect).key;
  return typeof key === 'string' ? key : '?';
}

/** Runtimes Forge no longer deploys (`app.runtime.name`). */
const RETIRED_RUNTIMES: Readonly<Record<string, string>> = {
  'nodejs18.x': 'Forge no longer accepts nodejs18.x (the manifest schema allows nodejs20.x, nodejs22.x, nodejs24.x)',
  'nodejs20.x': 'Forge blocks deploys on nodejs20.x (from 2026-05-06, CHANGE-3209); use nodejs22.x or nodejs24.x',
};

function runtimeProblems(inputs: AppInputs): AppEvidence['problems'] {
  const name = obj(obj(inputs.manifest.app).runtime).name;
  const why = typeof name === 'string' ? ownValue(RETIRED_RUNTIMES, name) : undefined;
  return why === undefined
    ? []
    : [
        {
          file: inputs.manifestPath,
          line: 0,
          rule: 'retired-runtime',
          severity: 'warning',
          message: `app.runtime.name ${String(name)}: ${why}`,
        },
      ];
}

/** An app's evidence, and which code (or manifest entry) proves each declared scope: what the admin page shows. */
export interface AppEvidenceDetail {
  evidence: AppEvidence;
  /** Each declared scope with the `file:line`s (`file` for an import) that need it; empty when nothing proves it. */
  scopeUse: ScopeUse[];
}

export function appEvidence(inputs: AppInputs): AppEvidence {
  return appEvidenceDetail(inputs).evidence;
}

const stem = (path: string): string =>
  (path.split('/').pop() ?? '').replace(/\.[cm]?[jt]sx?$/, '').replace(/^index$/, '');

/** The module a file is to its importers: its stem, or its folder's for an index file. */
const moduleOf = (path: string): string => stem(path) || stem(path.split('/').slice(0, -1).join('/'));

/**
 * A product call inside a wrapper other modules call with the path: read at each caller, with the
 * caller's arguments in the path template (one module level). Without callers it stays unreadable.
 */
function throughWrappers(files: readonly ScannedFile[]): Finding[] {
  const calls = files.flatMap((f) => (f.scan.calls ?? []).map((c) => ({ ...c, file: f.path })));
  const out: Finding[] = [];
  const done = new Set<string>();
  for (const file of files)
    for (const f of file.scan.findings) {
      if (f.type !== 'rest' || !f.wrapper) {
        out.push(f);
        continue;
      }
      const wrapper = f.wrapper;
      const module = moduleOf(file.path);
      const callers = calls.filter((c) => c.fn === wrapper.fn && stem(c.from) === module);
      const asRead: Finding = { type: 'rest', product: f.product, method: f.method, path: f.path, at: f.at };
      if (callers.length === 0) {
        out.push(asRead);
        continue;
      }
      if (done.has(f.at)) continue;
      done.add(f.at);
      let unreadAtCaller = false;
      for (const c of callers) {
        const fill = (template: string): string | null => {
          const filled = template.replace(PARAM_MARKERS, (_, i: string) => {
            const arg = c.args[Number(i)];
            return arg?.length === 1 ? (arg[0] ?? PLACEHOLDER) : PLACEHOLDER;
          });
          return filled.startsWith(PLACEHOLDER) ? null : filled;
        };
        const methods = wrapper.methods?.map(fill) ?? [null];
        for (const template of wrapper.paths) {
          const path = fill(template);
          if (path === null) unreadAtCaller = true;
          else
            for (const method of methods)
              out.push({ type: 'rest', product: f.product, method: method?.toUpperCase() ?? null, path, at: c.at });
        }
      }
      // A caller whose argument cannot be read leaves the call unreadable where it is made.
      if (unreadAtCaller) out.push(asRead);
    }
  return out;
}

/** Routes passed to a client object another module makes with a third-party package: product calls. */
function throughClients(files: readonly ScannedFile[], findings: readonly Finding[]): Finding[] {
  const clients = new Set(files.flatMap((f) => (f.scan.clients ?? []).map((name) => `${moduleOf(f.path)} ${name}`)));
  return findings.flatMap((f): Finding[] =>
    f.type !== 'client-call'
      ? [f]
      : clients.has(`${stem(f.from)} ${f.name}`)
        ? [{ type: 'rest', product: f.product, method: f.method, path: f.path, at: f.at }]
        : [],
  );
}

export function appEvidenceDetail(inputs: AppInputs): AppEvidenceDetail {
  const findings = throughClients(inputs.files, throughWrappers(inputs.files));
  const { scopes, scopeUse, problems: scopeProblems } = analyse(inputs, findings);
  const inCode = egressInCode(inputs.facts, findings);
  const problems: AppEvidence['problems'] = [
    ...inputs.problems,
    ...scopeProblems,
    ...moduleProblems(inputs.facts, findings, inputs.manifestPath),
  ];
  for (const e of inCode.filter((x) => !x.declared)) {
    problems.push({
      ...split(e.at),
      rule: 'undeclared-egress',
      severity: e.address === null ? 'warning' : 'error',
      message: `${e.via} contacts ${e.address ?? 'an address built at run time'}, which the manifest does not declare under ${e.kind === 'remote' ? 'remotes' : `permissions.external.${e.kind}`}`,
    });
  }
  for (const entry of inputs.facts.egress) {
    if (entry.host === null) continue;
    const host = entry.host;
    const ofKind = inCode.filter((e) => e.kind === entry.kind);
    if (ofKind.some((e) => e.address === null || hostCovered(host, e.address))) continue;
    problems.push({
      file: inputs.manifestPath,
      line: 0,
      rule: 'egress-unused',
      severity: 'warning',
      message: `permissions.external.${entry.kind} declares ${entry.address}, and no code was seen to contact it`,
    });
  }
  for (const f of findings)
    if (f.type === 'removed-api')
      problems.push({ ...split(f.at), rule: 'removed-api', severity: 'warning', message: f.what });

  problems.push(...runtimeProblems(inputs));
  const connect = connectKey(inputs.manifest);
  const verdict = runsOnAtlassian(inputs.facts);
  const reasons = [
    ...(verdict.eligible ? [] : verdict.reasons),
    ...(connect === null
      ? []
      : [`manifest.yml declares app.connect (key '${connect}'): a Connect app's remote back end`]),
  ];
  const roa = reasons.length === 0 ? { eligible: true as const } : { eligible: false as const, reasons };
  const evidence: AppEvidence = {
    manifest: inputs.manifestPath,
    egress: inputs.facts.egress.map((e) => ({ kind: e.kind, address: e.address })),
    egressInCode: inCode,
    remotes: inputs.facts.remotes.map((r) => r.key),
    providers: inputs.facts.providers,
    connectModules: inputs.facts.connectModules,
    dynamicWebTriggers: inputs.facts.dynamicWebTriggers,
    scopes,
    storage: storageKinds(inputs, findings),
    keyFamilies: keyFamilies(findings),
    runsOnAtlassian: { eligible: roa.eligible, reasons: roa.eligible ? [] : roa.reasons },
    code: {
      backend: inputs.files.filter((f) => f.side === 'backend').length,
      browser: inputs.files.filter((f) => f.side === 'browser').length,
      lines: inputs.files.reduce((n, f) => n + f.lines, 0),
      files: inputs.files.map((f) => ({ path: f.path, side: f.side })),
    },
    problems,
  };
  return { evidence, scopeUse };
}
