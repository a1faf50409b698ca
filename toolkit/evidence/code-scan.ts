/**
 * Finds, in one source file's text, the uses of the APIs in `API_RULES`, with the TypeScript compiler's
 * parser (no type checking, no file access). Recognises named, default and namespace imports, call chains
 * such as `api.asUser().requestJira(route\`…\`)`, and static request paths in string, template and
 * `route` literals, `+` concatenations and same-file `const`s.
 */
import ts from 'typescript';
import { API_RULES, SCANNED_PACKAGES, type ApiRule, type ScannedPackage } from './api-rules';
import type { ApiUse, SourceFile } from '../../src/domain/evidence/types';

interface Binding {
  pkg: ScannedPackage;
  /** The exported member a named import refers to; empty for default and namespace imports. */
  members: string[];
}

const PLACEHOLDER = '${…}';

function isScanned(name: string): name is ScannedPackage {
  return (SCANNED_PACKAGES as readonly string[]).includes(name);
}

function rulesFor(pkg: ApiRule['package'], side: SourceFile['side']): ApiRule[] {
  return API_RULES.filter((r) => r.package === pkg && r.sides.includes(side));
}

export function lineOf(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

function snippet(sf: ts.SourceFile, node: ts.Node): string {
  const text = node.getText(sf).replace(/\s+/g, ' ');
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

export const CALL = '()';

/** The callee as a chain: `api.asUser().requestJira` → root `api`, names [asUser, (), requestJira]. */
export function chainOf(expr: ts.Expression): { root: string; names: string[] } | null {
  const names: string[] = [];
  let node: ts.Expression = expr;
  for (;;) {
    if (ts.isPropertyAccessExpression(node)) {
      names.unshift(node.name.text);
      node = node.expression;
    } else if (ts.isCallExpression(node)) {
      names.unshift(CALL);
      node = node.expression;
    } else if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAwaitExpression(node)) {
      node = node.expression;
    } else if (ts.isIdentifier(node)) {
      return { root: node.text, names };
    } else {
      return null;
    }
  }
}

/** The names a file declares (variables, destructured names, functions, parameters, classes): they shadow globals such as `fetch`. */
export function declaredNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isClassDeclaration(node) ||
        ts.isBindingElement(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    ) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return names;
}

function constInitializers(sf: ts.SourceFile): Map<string, ts.Expression> {
  const map = new Map<string, ts.Expression>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.Const) !== 0) {
      for (const d of node.declarations)
        if (ts.isIdentifier(d.name) && d.initializer) map.set(d.name.text, d.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return map;
}

function templateText(t: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(t)) return t.text;
  return t.head.text + t.templateSpans.map((s) => PLACEHOLDER + s.literal.text).join('');
}

/** The request path as far as it can be read statically; null when it starts with something dynamic. */
export function staticPath(
  expr: ts.Expression | undefined,
  consts: Map<string, ts.Expression>,
  depth = 0,
): string | null {
  if (!expr || depth > 5) return null;
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
  if (ts.isTemplateExpression(expr)) return templateText(expr);
  if (ts.isTaggedTemplateExpression(expr)) return templateText(expr.template);
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr))
    return staticPath(expr.expression, consts, depth + 1);
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = staticPath(expr.left, consts, depth + 1);
    return left === null ? null : left + (staticPath(expr.right, consts, depth + 1) ?? PLACEHOLDER);
  }
  if (ts.isIdentifier(expr)) return staticPath(consts.get(expr.text), consts, depth + 1);
  return null;
}

/**
 * The member is what this call invokes (`….requestJira(…)`), or an object the call reaches through a
 * property (`privacy.reportPersonalData(…)`), but not the result of an earlier call (`fetch(…).then(…)`).
 */
function usesMember(names: readonly string[], member: string): boolean {
  if (names[names.length - 1] === member) return true;
  return names.some((name, i) => name === member && i + 1 < names.length && names[i + 1] !== CALL);
}

export function scanSource(file: SourceFile): ApiUse[] {
  const kind = file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
  const uses: ApiUse[] = [];
  const bindings = new Map<string, Binding>();

  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const pkg = stmt.moduleSpecifier.text;
    if (!isScanned(pkg)) continue;
    const clause = stmt.importClause;
    if (clause?.phaseModifier === ts.SyntaxKind.TypeKeyword) continue;
    const named = clause?.namedBindings;
    const valueSpecifiers = named && ts.isNamedImports(named) ? named.elements.filter((e) => !e.isTypeOnly) : [];
    const importsValue =
      !clause ||
      clause.name !== undefined ||
      (named !== undefined && ts.isNamespaceImport(named)) ||
      valueSpecifiers.length > 0;
    if (!importsValue) continue;

    for (const rule of rulesFor(pkg, file.side).filter((r) => r.member === '*')) {
      uses.push({
        file: file.path,
        line: lineOf(sf, stmt),
        side: file.side,
        rule: rule.id,
        what: `imports ${pkg}`,
        path: null,
      });
    }
    if (clause?.name) bindings.set(clause.name.text, { pkg, members: [] });
    if (named && ts.isNamespaceImport(named)) bindings.set(named.name.text, { pkg, members: [] });
    for (const e of valueSpecifiers) bindings.set(e.name.text, { pkg, members: [(e.propertyName ?? e.name).text] });
  }

  const declared = declaredNames(sf);
  const consts = constInitializers(sf);

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const chain = chainOf(node.expression);
      if (chain) {
        const binding = bindings.get(chain.root);
        let pkg: ApiRule['package'] | null = null;
        let names: string[] = [];
        if (binding) {
          pkg = binding.pkg;
          names = [...binding.members, ...chain.names];
        } else if (!declared.has(chain.root)) {
          pkg = '(global)';
          names = ['globalThis', 'window', 'self'].includes(chain.root) ? chain.names : [chain.root, ...chain.names];
        }
        if (pkg !== null) {
          for (const rule of rulesFor(pkg, file.side).filter((r) => r.member !== '*' && usesMember(names, r.member))) {
            const calledDirectly = names[names.length - 1] === rule.member;
            const path = calledDirectly ? staticPath(node.arguments?.[0], consts) : null;
            if (pkg === '(global)' && path !== null && /^(\.|\/(?!\/))/.test(path)) continue; // same-origin asset, not egress
            uses.push({
              file: file.path,
              line: lineOf(sf, node),
              side: file.side,
              rule: rule.id,
              what: snippet(sf, node),
              path,
            });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);

  // A chain like `privacy.reportPersonalData(...)` inside another matched call would count twice; keep one per line and rule.
  const seen = new Set<string>();
  return uses.filter((u) => {
    const key = `${u.rule}@${u.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function scanSources(files: readonly SourceFile[]): ApiUse[] {
  return files.flatMap(scanSource);
}
