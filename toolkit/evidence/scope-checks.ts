/**
 * Code vs manifest: every API the code uses has what it needs in manifest.yml (scope, egress entry,
 * module), and every declared scope is needed by some code (or by the manifest itself).
 */
import { API_RULES, MANIFEST_SCOPE_RULES, pathRuleFor, scopeMentions, type ApiRule } from './api-rules';
import type { ApiUse, ManifestFacts, Problem, ScopeUse } from '../../src/domain/evidence/types';

export interface ScopeAnalysis {
  problems: Problem[];
  warnings: string[];
  scopeUse: ScopeUse[];
}

const PRODUCT_NAME = { jira: 'Jira', confluence: 'Confluence' } as const;

function ruleOf(id: string): ApiRule {
  const rule = API_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown API rule ${id}`);
  return rule;
}

function where(use: ApiUse): string {
  return use.what.startsWith('imports ') ? use.file : `${use.file}:${use.line}`;
}

function describe(use: ApiUse): string {
  return use.what.startsWith('imports ') ? `${use.file} ${use.what}` : `${use.file}:${use.line} calls ${use.what}`;
}

export function analyzeScopes(
  manifest: ManifestFacts,
  uses: readonly ApiUse[],
  manifestFile = 'manifest.yml',
): ScopeAnalysis {
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const justified = new Map<string, string[]>(manifest.scopes.map((s) => [s, []]));
  const declared = new Set(manifest.scopes);
  const justify = (scope: string, by: string): void => {
    justified.get(scope)?.push(by);
  };
  const missingScope = (use: ApiUse, needs: string): void => {
    problems.push({
      kind: 'missing-scope',
      message: `${describe(use)}, which needs ${needs}, missing from ${manifestFile} permissions.scopes`,
    });
  };

  for (const use of uses) {
    const rule = ruleOf(use.rule);
    const needs = rule.needs;
    switch (needs.kind) {
      case 'scope':
        if (declared.has(needs.scope)) justify(needs.scope, where(use));
        else missingScope(use, `scope ${needs.scope}`);
        break;
      case 'product-request': {
        const product = PRODUCT_NAME[needs.product];
        const pathRule = use.path === null ? undefined : pathRuleFor(needs.product, use.path.trim());
        if (pathRule) {
          const present = pathRule.anyOf.filter((s) => declared.has(s));
          if (present.length === 0) missingScope(use, `scope ${pathRule.anyOf.join(' or ')} (${pathRule.what})`);
          present.forEach((s) => justify(s, where(use)));
        } else {
          const productScopes = manifest.scopes.filter((s) => scopeMentions(s, needs.product));
          warnings.push(
            `${where(use)}: cannot tell which ${product} scope ${use.path === null ? 'a request with a dynamic path' : `'${use.path}'`} needs; add a row to PRODUCT_PATH_RULES in src/domain/evidence/api-rules.ts`,
          );
          if (productScopes.length === 0) missingScope(use, `a ${product} scope`);
          productScopes.forEach((s) => justify(s, where(use)));
        }
        break;
      }
      case 'egress':
        if (!manifest.egress.some((e) => e.kind === needs.external)) {
          problems.push({
            kind: 'code-egress-undeclared',
            message: `${describe(use)} (egress), but ${manifestFile} declares no permissions.external.${needs.external}`,
          });
        }
        break;
      case 'module':
        if (!manifest.moduleTypes.includes(needs.module)) {
          problems.push({
            kind: 'missing-module',
            message: `${describe(use)}, which needs a '${needs.module}' module, missing from ${manifestFile} modules`,
          });
        }
        break;
      case 'removed':
        problems.push({ kind: 'removed-api', message: `${describe(use)}: ${needs.why}` });
        break;
    }
  }

  for (const row of MANIFEST_SCOPE_RULES) {
    const by = declared.has(row.scope) ? row.justifiedBy(manifest) : null;
    if (by !== null) justify(row.scope, `${manifestFile} ${by}`);
  }

  for (const [scope, usedBy] of justified) {
    if (usedBy.length === 0) {
      problems.push({
        kind: 'unused-scope',
        message: `${manifestFile} declares scope ${scope} but no code uses an API that needs it`,
      });
    }
  }

  return {
    problems,
    warnings,
    scopeUse: [...justified].map(([scope, usedBy]) => ({ scope, usedBy: [...new Set(usedBy)] })),
  };
}
