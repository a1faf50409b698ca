/**
 * Reading TypeScript/JavaScript syntax for the evidence scanner (app-scan.ts): line numbers, call chains
 * such as `api.asUser().requestJira`, the names a file declares, and strings (request paths, URLs) as far
 * as they can be read statically. Pure: no file access.
 */
import ts from 'typescript';
import { PLACEHOLDER } from './route-scopes';

export function lineOf(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
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
