/**
 * What a string expression can be, read statically within one file: literals, templates (unknown parts
 * become `${…}`), `+`, consts and every assignment to a name, object-constant members, conditionals, and
 * the arguments of the enclosing function's callers in the same file (up to three calls up). Used for
 * request paths and methods that are passed through helper functions.
 */
import ts from 'typescript';
import { PLACEHOLDER } from './route-scopes';

export interface Env {
  bind: Map<string, { expr: ts.Expression | undefined; env: Env | null }>;
}

const MAX_VARIANTS = 16;

type Fn = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

export class FileValues {
  /** Every expression assigned to a name (`const x =`, `x =`, `this.x =`, `{ x: … }`, class fields). */
  private readonly assigned = new Map<string, ts.Expression[]>();
  private readonly callsByName = new Map<string, ts.CallExpression[]>();

  constructor(sf: ts.SourceFile) {
    const add = (name: string, expr: ts.Expression): void => {
      const list = this.assigned.get(name) ?? [];
      list.push(expr);
      this.assigned.set(name, list);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer)
        add(node.name.text, node.initializer);
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        if (ts.isIdentifier(node.left)) add(node.left.text, node.right);
        else if (ts.isPropertyAccessExpression(node.left)) add(node.left.name.text, node.right);
      } else if (ts.isPropertyDeclaration(node) && ts.isIdentifier(node.name) && node.initializer)
        add(node.name.text, node.initializer);
      else if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)))
        add(node.name.text, node.initializer);
      else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : null;
        if (name !== null) {
          const list = this.callsByName.get(name) ?? [];
          list.push(node);
          this.callsByName.set(name, list);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  /** Possible values, or null when some part at the start cannot be read. */
  values(expr: ts.Expression | undefined, env: Env | null, depth = 0): string[] | null {
    if (!expr || depth > 8) return null;
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text];
    if (
      ts.isParenthesizedExpression(expr) ||
      ts.isAsExpression(expr) ||
      ts.isNonNullExpression(expr) ||
      ts.isAwaitExpression(expr)
    )
      return this.values(expr.expression, env, depth + 1);
    if (ts.isTaggedTemplateExpression(expr)) return this.template(expr.template, env, depth);
    if (ts.isTemplateExpression(expr)) return this.template(expr, env, depth);
    if (ts.isConditionalExpression(expr)) {
      const a = this.values(expr.whenTrue, env, depth + 1);
      const b = this.values(expr.whenFalse, env, depth + 1);
      return a === null || b === null ? null : [...new Set([...a, ...b])].slice(0, MAX_VARIANTS);
    }
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = this.values(expr.left, env, depth + 1);
      if (left === null) return null;
      const right = this.values(expr.right, env, depth + 1) ?? [PLACEHOLDER];
      return cross(left, right);
    }
    if (ts.isIdentifier(expr)) {
      const bound = env?.bind.get(expr.text);
      if (bound) return this.values(bound.expr, bound.env, depth + 1);
      return this.ofName(expr.text, env, depth);
    }
    if (ts.isPropertyAccessExpression(expr)) return this.ofName(expr.name.text, env, depth);
    return null;
  }

  private ofName(name: string, env: Env | null, depth: number): string[] | null {
    const exprs = this.assigned.get(name);
    if (!exprs || exprs.length === 0 || exprs.length > 6) return null;
    const out: string[] = [];
    for (const e of exprs) {
      const v = this.values(e, env, depth + 1);
      if (v === null) return null;
      out.push(...v);
    }
    return [...new Set(out)].slice(0, MAX_VARIANTS);
  }

  private template(t: ts.TemplateLiteral, env: Env | null, depth: number): string[] {
    if (ts.isNoSubstitutionTemplateLiteral(t)) return [t.text];
    let acc = [t.head.text];
    for (const span of t.templateSpans) {
      const v = this.values(span.expression, env, depth + 1) ?? [PLACEHOLDER];
      acc = cross(
        acc,
        v.map((x) => x + span.literal.text),
      );
    }
    return acc;
  }

  /** The object literal an expression stands for (options objects), or undefined when absent, or null. */
  objectOf(expr: ts.Expression | undefined, env: Env | null, depth = 0): ts.ObjectLiteralExpression | undefined | null {
    if (!expr) return undefined;
    if (depth > 6) return null;
    if (ts.isObjectLiteralExpression(expr)) return expr;
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr))
      return this.objectOf(expr.expression, env, depth + 1);
    if (ts.isIdentifier(expr)) {
      const bound = env?.bind.get(expr.text);
      if (bound) return bound.expr === undefined ? undefined : this.objectOf(bound.expr, bound.env, depth + 1);
      const exprs = this.assigned.get(expr.text);
      if (exprs?.length === 1) return this.objectOf(exprs[0], env, depth + 1);
    }
    return null;
  }

  /** The HTTP methods an options object can set; GET when it sets none. */
  methods(options: ts.Expression | undefined, env: Env | null, depth = 0): string[] | null {
    const obj = this.objectOf(options, env);
    if (obj === undefined) return ['GET'];
    if (obj === null || depth > 4) return null;
    for (const p of [...obj.properties].reverse()) {
      if (ts.isPropertyAssignment(p) && p.name.getText() === 'method')
        return this.values(p.initializer, env)?.map((m) => m.toUpperCase()) ?? null;
      if (ts.isShorthandPropertyAssignment(p) && p.name.text === 'method')
        return this.values(p.name, env)?.map((m) => m.toUpperCase()) ?? null;
      if (ts.isSpreadAssignment(p)) {
        let spread = p.expression;
        while (ts.isParenthesizedExpression(spread)) spread = spread.expression;
        if (ts.isConditionalExpression(spread)) {
          const branches = [spread.whenTrue, spread.whenFalse].map((b) => this.objectOf(b, env));
          if (branches.some((b) => b === null)) return null;
          if (branches.some((b) => b?.properties.some((q) => q.name?.getText() === 'method'))) return null;
          continue;
        }
        const inner = this.objectOf(p.expression, env);
        if (inner === null) return null;
        if (inner !== undefined) {
          const m = this.methods(p.expression, env, depth + 1);
          if (m === null || !(m.length === 1 && m[0] === 'GET')) return m;
        }
      }
    }
    return ['GET'];
  }

  /**
   * The environments the function around `node` can run in, from its callers in this file (and their
   * callers, up to `levels`). Includes `null` (unknown) when the function may also be called from elsewhere.
   */
  environments(node: ts.Node, levels = 3): (Env | null)[] {
    if (levels === 0) return [null];
    const fn = enclosingFunction(node);
    if (!fn) return [null];
    const name = functionName(fn);
    const calls = name === null ? [] : (this.callsByName.get(name) ?? []).filter((c) => !isInside(c, fn));
    const out: (Env | null)[] = [];
    if (calls.length === 0 || mayBeCalledElsewhere(fn)) out.push(null);
    for (const call of calls.slice(0, 12)) {
      for (const outer of this.environments(call, levels - 1)) {
        const bind = new Map<string, { expr: ts.Expression | undefined; env: Env | null }>();
        fn.parameters.forEach((param, i) => {
          const arg = call.arguments[i];
          if (ts.isIdentifier(param.name)) bind.set(param.name.text, { expr: arg ?? param.initializer, env: outer });
          else if (ts.isObjectBindingPattern(param.name)) {
            const obj = arg && ts.isObjectLiteralExpression(arg) ? arg : undefined;
            for (const el of param.name.elements) {
              if (!ts.isIdentifier(el.name)) continue;
              const key = el.propertyName?.getText() ?? el.name.text;
              const prop = obj?.properties.find((p) => p.name?.getText() === key);
              const expr =
                prop && ts.isPropertyAssignment(prop)
                  ? prop.initializer
                  : prop && ts.isShorthandPropertyAssignment(prop)
                    ? prop.name
                    : undefined;
              bind.set(el.name.text, { expr: expr ?? el.initializer, env: outer });
            }
          }
        });
        out.push({ bind });
      }
    }
    return out.slice(0, 24);
  }
}

function cross(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return [...new Set(out)].slice(0, MAX_VARIANTS);
}

function enclosingFunction(node: ts.Node): Fn | null {
  let n: ts.Node = node;
  while (!ts.isSourceFile(n)) {
    n = n.parent;
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n))
      return n;
  }
  return null;
}

function functionName(fn: Fn): string | null {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name) return fn.name.getText();
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (ts.isPropertyDeclaration(parent)) return parent.name.getText();
  return null;
}

function isInside(node: ts.Node, outer: ts.Node): boolean {
  return node.pos >= outer.pos && node.end <= outer.end;
}

/** Exported functions, class methods and object members can have callers in other files. */
function mayBeCalledElsewhere(fn: Fn): boolean {
  if (ts.isMethodDeclaration(fn) || ts.isPropertyAssignment(fn.parent) || ts.isPropertyDeclaration(fn.parent))
    return true;
  const decl = ts.isFunctionDeclaration(fn) ? fn : ts.isVariableDeclaration(fn.parent) ? fn.parent.parent.parent : null;
  if (!decl) return true;
  const mods = ts.canHaveModifiers(decl) ? ts.getModifiers(decl) : undefined;
  if (mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  const sf = fn.getSourceFile();
  const name = functionName(fn);
  return (
    name !== null &&
    new RegExp(
      `export\\s*(default\\s+${name}\\b|\\{[^}]*\\b${name}\\b)|module\\.exports[^\\n]*\\b${name}\\b|exports\\.${name}\\b`,
    ).test(sf.text)
  );
}
