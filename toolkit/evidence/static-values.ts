/**
 * What a string expression can be, read statically within one file: literals, templates (unknown parts
 * become `${…}`), `+`, consts and every assignment to the variable a name refers to where it is read (a
 * name declared in two functions is two variables), object-constant members, conditionals, local
 * functions that return such strings, and the arguments of the enclosing function's callers in the same
 * file (up to three calls up). Used for request paths and methods passed through helper functions.
 */
import ts from 'typescript';
import { PLACEHOLDER } from './route-scopes';

export interface Env {
  bind: Map<string, { expr: ts.Expression | undefined; env: Env | null }>;
}

const MAX_VARIANTS = 16;

type Fn = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/** A variable: the node that declares it (a declaration, parameter or function), or a member name. */
type Variable = ts.Node | string;

export class FileValues {
  /** Every expression assigned to a variable (`const x =`, `x =`), or to a member name (`this.x =`, `{ x: … }`, class fields). */
  private readonly assigned = new Map<Variable, ts.Expression[]>();
  private readonly callsByName = new Map<string, ts.CallExpression[]>();
  /** The names each scope (source file, function, block) declares, with their declaring node. */
  private readonly declared = new Map<ts.Node, Map<string, ts.Node>>();
  /** Local functions by their declaring node, for the strings they return. */
  private readonly functions = new Map<ts.Node, Fn>();

  constructor(sf: ts.SourceFile) {
    const declare = (scope: ts.Node, name: string, decl: ts.Node): void => {
      const names = this.declared.get(scope) ?? new Map<string, ts.Node>();
      if (!names.has(name)) names.set(name, decl);
      this.declared.set(scope, names);
    };
    const declareBinding = (name: ts.BindingName, scope: ts.Node, decl: ts.Node): void => {
      if (ts.isIdentifier(name)) declare(scope, name.text, decl);
      else for (const el of name.elements) if (!ts.isOmittedExpression(el)) declareBinding(el.name, scope, el);
    };
    const collect = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node)) {
        const list = node.parent;
        const blockScoped = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) !== 0;
        declareBinding(node.name, blockScoped ? blockScope(node) : functionScope(node), node);
        if (ts.isIdentifier(node.name) && node.initializer && isFunctionLike(node.initializer))
          this.functions.set(node, node.initializer);
      } else if (ts.isParameter(node) && isFunctionLike(node.parent)) declareBinding(node.name, node.parent, node);
      else if (ts.isFunctionDeclaration(node) && node.name) {
        declare(functionScope(node.parent), node.name.text, node);
        this.functions.set(node, node);
      } else if (ts.isClassDeclaration(node) && node.name) declare(blockScope(node), node.name.text, node);
      ts.forEachChild(node, collect);
    };
    collect(sf);
    const add = (variable: Variable | null, expr: ts.Expression): void => {
      if (variable === null) return;
      const list = this.assigned.get(variable) ?? [];
      list.push(expr);
      this.assigned.set(variable, list);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) add(node, node.initializer);
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        if (ts.isIdentifier(node.left)) add(this.resolve(node.left), node.right);
        else if (ts.isPropertyAccessExpression(node.left)) add(`.${node.left.name.text}`, node.right);
      } else if (ts.isPropertyDeclaration(node) && ts.isIdentifier(node.name) && node.initializer)
        add(`.${node.name.text}`, node.initializer);
      else if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)))
        add(`.${node.name.text}`, node.initializer);
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

  /** The variable a name refers to where it is read: the nearest enclosing scope that declares it. */
  resolve(id: ts.Identifier): ts.Node | null {
    let n: ts.Node = id;
    while (!ts.isSourceFile(n)) {
      n = n.parent;
      const decl = this.declared.get(n)?.get(id.text);
      if (decl) return decl;
    }
    return null;
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
      const decl = this.resolve(expr);
      const bound = env?.bind.get(expr.text);
      if (bound && (decl === null || ts.isParameter(decl) || ts.isBindingElement(decl)))
        return this.values(bound.expr, bound.env, depth + 1);
      return decl === null ? null : this.ofVariable(decl, env, depth);
    }
    if (ts.isPropertyAccessExpression(expr)) return this.ofVariable(`.${expr.name.text}`, env, depth);
    if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression)) return this.returned(expr, env, depth);
    return null;
  }

  /** What a local function returns for a call (single-expression arrows and `return` statements). */
  private returned(call: ts.CallExpression, env: Env | null, depth: number): string[] | null {
    const decl = ts.isIdentifier(call.expression) ? this.resolve(call.expression) : null;
    const fn = decl === null ? undefined : this.functions.get(decl);
    if (!fn?.body) return null;
    const bind = new Map<string, { expr: ts.Expression | undefined; env: Env | null }>();
    fn.parameters.forEach((param, i) => {
      if (ts.isIdentifier(param.name)) bind.set(param.name.text, { expr: call.arguments[i] ?? param.initializer, env });
    });
    const inner: Env = { bind };
    if (!ts.isBlock(fn.body)) return this.values(fn.body, inner, depth + 1);
    const results: ts.Expression[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isReturnStatement(node) && node.expression) results.push(node.expression);
      else if (!isFunctionLike(node)) ts.forEachChild(node, visit);
    };
    visit(fn.body);
    if (results.length === 0 || results.length > 6) return null;
    const out: string[] = [];
    for (const r of results) {
      const v = this.values(r, inner, depth + 1);
      if (v === null) return null;
      out.push(...v);
    }
    return [...new Set(out)].slice(0, MAX_VARIANTS);
  }

  private ofVariable(variable: Variable, env: Env | null, depth: number): string[] | null {
    const exprs = this.assigned.get(variable);
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
      const decl = this.resolve(expr);
      const exprs = decl === null ? undefined : this.assigned.get(decl);
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

/** The stand-in for a wrapper's parameter `i` in a path template, replaced by each caller's argument. */
export const paramMarker = (i: number): string => `⟦${i}⟧`;
/** Finds the markers in a template (group 1: the parameter's index). */
export const PARAM_MARKERS = /⟦(\d+)⟧/g;

/**
 * For a call inside a function other modules may call (exported, a member): the function's name and an
 * environment binding each parameter to its marker, so a path can be read as a template of the parameters.
 */
export function wrapperEnv(node: ts.Node): { fn: string; env: Env } | null {
  const fn = enclosingFunction(node);
  if (!fn || !mayBeCalledElsewhere(fn)) return null;
  const name = functionName(fn);
  if (name === null) return null;
  const bind = new Map<string, { expr: ts.Expression | undefined; env: Env | null }>();
  fn.parameters.forEach((param, i) => {
    if (ts.isIdentifier(param.name))
      bind.set(param.name.text, { expr: ts.factory.createStringLiteral(paramMarker(i)), env: null });
  });
  return bind.size === 0 ? null : { fn: name, env: { bind } };
}

function cross(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return [...new Set(out)].slice(0, MAX_VARIANTS);
}

function isFunctionLike(node: ts.Node): node is Fn {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node)
  );
}

/** The scope a `let`/`const`/class belongs to: the nearest block, loop head, function or file. */
function blockScope(node: ts.Node): ts.Node {
  let n = node.parent;
  while (
    !ts.isSourceFile(n) &&
    !ts.isBlock(n) &&
    !ts.isCaseBlock(n) &&
    !ts.isForStatement(n) &&
    !ts.isForOfStatement(n) &&
    !ts.isForInStatement(n) &&
    !ts.isModuleBlock(n) &&
    !isFunctionLike(n)
  )
    n = n.parent;
  return ts.isBlock(n) && isFunctionLike(n.parent) ? n.parent : n;
}

/** The scope a `var` or function declaration belongs to: the nearest function or the file. */
function functionScope(node: ts.Node): ts.Node {
  let n = node;
  while (!ts.isSourceFile(n) && !isFunctionLike(n)) n = n.parent;
  return n;
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
