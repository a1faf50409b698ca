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
import { matchRoute, satisfied, type RestProduct } from './route-scopes';
import { hostCovered } from './sdk-hosts';
import table from './scopes/routes.json';

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

type ScopeProduct = RestProduct | 'forge' | 'other';

/** Which product a scope belongs to, for "were all calls of that product resolved?". */
export function scopeProduct(scope: string): ScopeProduct {
  if (scope === 'storage:app' || scope === 'report:personal-data') return 'forge';
  if (/(^|:)jira(-work|-user|-configuration|-project|-webhook|-expressions)?$/.test(scope) || /:jira-work$/.test(scope))
    return 'jira';
  if (/(^|:|-)confluence(-[a-z.]+)?$/.test(scope) || /:confluence-/.test(scope)) return 'confluence';
  return 'other';
}

/** Scopes that Atlassian's route table names for some route of the product: the ones a REST call can prove. */
const REST_SCOPES = new Map<RestProduct, Set<string>>([
  ['jira', new Set()],
  ['confluence', new Set()],
]);
for (const [product, , , alternatives] of table.routes as [RestProduct, string, string, string[][]][])
  for (const alt of alternatives) for (const s of alt) REST_SCOPES.get(product)?.add(s);

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

/** Products whose events the manifest subscribes to: their scopes may be needed by the trigger alone. */
function triggerProducts(manifest: Record<string, unknown>): Set<string> {
  const products = new Set<string>();
  const modules = manifest.modules;
  if (typeof modules !== 'object' || modules === null) return products;
  const triggers = (modules as Record<string, unknown>).trigger;
  if (!Array.isArray(triggers)) return products;
  for (const t of triggers) {
    const events = typeof t === 'object' && t !== null ? (t as Record<string, unknown>).events : undefined;
    if (Array.isArray(events))
      for (const e of events) {
        const m = typeof e === 'string' ? /^avi:(jira|confluence)/.exec(e) : null;
        if (m?.[1]) products.add(m[1]);
      }
  }
  return products;
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

function analyse(inputs: AppInputs, findings: readonly Finding[]): ScopeResult {
  const declared = new Set(inputs.facts.scopes);
  const used = new Set<string>();
  const usedBy = new Map<string, string[]>();
  const credit = (scope: string, by: string): void => {
    used.add(scope);
    usedBy.set(scope, [...(usedBy.get(scope) ?? []), by]);
  };
  const alsoCovered = new Set<string>();
  const missing = new Set<string>();
  const unresolved = new Set<ScopeProduct>();
  const problems: AppEvidence['problems'] = [];
  const need = (scopes: readonly string[][], at: string, what: string, by = at): void => {
    const ok = satisfied(scopes, declared);
    const [first, ...others] = ok;
    if (first) {
      // The first accepted alternative (Atlassian lists the classic one first) is credited; the others
      // would serve too, so they are never called unused.
      first.forEach((s) => credit(s, by));
      others.flat().forEach((s) => alsoCovered.add(s));
      return;
    }
    const closest = [...scopes].sort(
      (a, b) => a.filter((s) => !declared.has(s)).length - b.filter((s) => !declared.has(s)).length,
    )[0];
    const absent = (closest ?? []).filter((s) => !declared.has(s));
    absent.forEach((s) => missing.add(s));
    problems.push({
      ...split(at),
      rule: 'missing-scope',
      severity: 'error',
      message: `${what} needs ${scopes.map((alt) => alt.join(' + ')).join(' or ')}; the manifest declares none of these alternatives`,
    });
  };

  for (const f of findings) {
    if (f.type === 'scope') need([[f.scope]], f.at, f.what, provedAt(f.at, f.what));
    else if (f.type === 'graphql') {
      if (f.scopes === null) {
        unresolved.add('other');
        problems.push({
          ...split(f.at),
          rule: 'unverified-call',
          severity: 'warning',
          message: `${f.what}: which GraphQL fields it reads cannot be told statically`,
        });
      } else
        for (const s of f.scopes)
          if (declared.has(s)) credit(s, f.at);
          else unresolved.add('other');
    } else if (f.type === 'rest') {
      const label = `${f.method ?? '?'} ${f.path ?? '(dynamic path)'}`;
      if (f.path === null || f.method === null || f.path.startsWith('${')) {
        unresolved.add(f.product);
        problems.push({
          ...split(f.at),
          rule: 'unverified-call',
          severity: 'warning',
          message: `${f.product} request ${label}: the ${f.path === null || f.path.startsWith('${') ? 'path' : 'method'} is not static, so its scopes cannot be told`,
        });
        continue;
      }
      const match = matchRoute(f.product, f.method, f.path);
      const granularOnly =
        match.kind === 'route' &&
        match.route.alternatives.every((alt) => alt.length > 0 && alt.every((s) => s.split(':').length > 2)) &&
        !match.route.alternatives.flat().some((s) => declared.has(s));
      const suffixes = new Set(
        match.kind === 'route' ? match.route.alternatives.flat().map((s) => s.split(':').pop()) : [],
      );
      if (
        match.kind === 'route' &&
        granularOnly &&
        ![...declared].some((s) => s.split(':').length > 2 && suffixes.has(s.split(':').pop()))
      ) {
        // The description lists only granular scopes, and the app uses classic ones: the classic equivalent is not in the facts.
        unresolved.add(f.product);
        problems.push({
          ...split(f.at),
          rule: 'unverified-call',
          severity: 'warning',
          message: `${f.product} request ${label}: Atlassian's description of ${match.route.route} lists only granular scopes (${match.route.alternatives.map((a) => a.join(' + ')).join(' or ')}), and the manifest declares classic ones`,
        });
      } else if (match.kind === 'route' && match.route.alternatives.length > 0) {
        need(match.route.alternatives, f.at, `${f.product} request ${label} (${match.route.route})`);
      } else {
        unresolved.add(f.product);
        const why =
          match.kind === 'route'
            ? `Atlassian's description of ${match.route.route} names no scope`
            : match.kind === 'ambiguous'
              ? `it fits ${match.routes.length} routes that need different scopes`
              : "no route in Atlassian's REST descriptions matches it";
        problems.push({
          ...split(f.at),
          rule: 'unverified-call',
          severity: 'warning',
          message: `${f.product} request ${label}: ${why}`,
        });
      }
    }
  }
  for (const [scope, by] of manifestJustified(inputs.facts))
    if (declared.has(scope)) credit(scope, `${inputs.manifestPath} ${by}`);

  const triggers = triggerProducts(inputs.manifest);
  const complete = !inputs.problems.some((p) => INCOMPLETE_RULES.includes(p.rule));
  const unused: string[] = [];
  const unverified: string[] = [];
  for (const scope of declared) {
    if (used.has(scope)) continue;
    const product = scopeProduct(scope);
    const provable =
      complete &&
      !alsoCovered.has(scope) &&
      (product === 'forge' ||
        ((product === 'jira' || product === 'confluence') &&
          REST_SCOPES.get(product)?.has(scope) === true &&
          !unresolved.has(product) &&
          !triggers.has(product)));
    (provable ? unused : unverified).push(scope);
  }
  for (const scope of unused)
    problems.push({
      file: inputs.manifestPath,
      line: 0,
      rule: 'unused-scope',
      severity: 'warning',
      message: `the manifest declares ${scope}, and no call in the code needs it (every ${scopeProduct(scope)} call was resolved)`,
    });
  return {
    scopes: {
      declared: [...inputs.facts.scopes],
      used: sortedUnique([...used].filter((s) => declared.has(s))),
      unused: unused.sort(),
      missing: sortedUnique(missing),
      unverified: unverified.sort(),
    },
    scopeUse: inputs.facts.scopes.map((scope) => ({
      scope,
      usedBy: [...new Set(usedBy.get(scope) ?? [])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    })),
    problems,
  };
}

function egressInCode(facts: ManifestFacts, findings: readonly Finding[]): CodeEgress[] {
  const out: CodeEgress[] = [];
  for (const f of findings) {
    if (f.type !== 'egress') continue;
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

/** An app's evidence, and which code (or manifest entry) proves each declared scope: what the admin page shows. */
export interface AppEvidenceDetail {
  evidence: AppEvidence;
  /** Each declared scope with the `file:line`s (`file` for an import) that need it; empty when nothing proves it. */
  scopeUse: ScopeUse[];
}

export function appEvidence(inputs: AppInputs): AppEvidence {
  return appEvidenceDetail(inputs).evidence;
}

export function appEvidenceDetail(inputs: AppInputs): AppEvidenceDetail {
  const findings = inputs.files.flatMap((f) => f.scan.findings);
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

  const roa = runsOnAtlassian(inputs.facts);
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
