/**
 * Derives `routes.json` (method, route template, accepted scope alternatives) from Atlassian's REST API
 * descriptions, the same facts `forge lint`'s permission linter reads. Only the derived facts are committed;
 * the descriptions stay where they are (../shared/forge-lint-specs, see its SOURCES.md).
 *
 * Usage: tsx toolkit/evidence/scopes/derive.ts [SPEC_DIR]   (writes toolkit/evidence/scopes/routes.json)
 *
 * Alternatives, as `forge lint` reads them (@forge/manifest getMissingScopes): each entry of an operation's
 * `x-atlassian-oauth2-scopes` (Current, Beta = granular, Deprecated) is one alternative whose scopes are ALL
 * needed; without that extension, each OAuth entry of `security` is one alternative. An empty alternative means
 * the route needs no scope that way.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SPECS = [
  { file: 'jira-platform.json', product: 'jira', prefix: '' },
  { file: 'jira-software.json', product: 'jira', prefix: '' },
  { file: 'confluence-v1.json', product: 'confluence', prefix: '' },
  { file: 'confluence-v2.json', product: 'confluence', prefix: '/wiki/api/v2' },
] as const;

const METHODS = ['get', 'post', 'put', 'delete', 'patch', 'head'];
const OAUTH_SCHEMES = ['OAuth2', 'oAuthDefinitions'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

function alternatives(op: Obj): string[][] {
  const out: string[][] = [];
  const ext = op['x-atlassian-oauth2-scopes'];
  if (Array.isArray(ext)) {
    for (const entry of ext) if (isObj(entry)) out.push(strings(entry.scopes));
  } else if (Array.isArray(op.security)) {
    for (const entry of op.security)
      if (isObj(entry)) for (const scheme of OAUTH_SCHEMES) if (scheme in entry) out.push(strings(entry[scheme]));
  }
  const seen = new Set<string>();
  // An empty alternative is kept: it says the route needs no scope that way (e.g. no classic scope).
  return out
    .map((alt) => [...new Set(alt)].sort())
    .filter((alt) => {
      const key = alt.join(' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function main(): void {
  const dir = process.argv[2] ?? join(__dirname, '..', '..', '..', '..', 'shared', 'forge-lint-specs');
  const sources: Record<string, string> = {};
  const routes: [string, string, string, string[][]][] = [];
  for (const spec of SPECS) {
    const text = readFileSync(join(dir, spec.file), 'utf8');
    sources[spec.file] = createHash('sha256').update(text).digest('hex');
    const doc = JSON.parse(text) as Obj;
    const paths = isObj(doc.paths) ? doc.paths : {};
    for (const [path, ops] of Object.entries(paths)) {
      if (!isObj(ops)) continue;
      for (const method of METHODS) {
        const op = ops[method];
        if (isObj(op)) routes.push([spec.product, method.toUpperCase(), spec.prefix + path, alternatives(op)]);
      }
    }
  }
  routes.sort((a, b) => a[0].localeCompare(b[0]) || a[2].localeCompare(b[2]) || a[1].localeCompare(b[1]));
  const out = join(__dirname, 'routes.json');
  const lines = routes.map((r) => `    ${JSON.stringify(r)}`);
  writeFileSync(
    out,
    `{\n  "derivedFrom": ${JSON.stringify(sources)},\n  "columns": ["product", "method", "route", "alternatives"],\n  "routes": [\n${lines.join(',\n')}\n  ]\n}\n`,
  );
  console.log(`${out}: ${routes.length} routes`);
}

main();
