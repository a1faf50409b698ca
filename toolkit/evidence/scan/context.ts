/**
 * One file being scanned: its syntax tree, what it binds and declares, the values it can compute, and the
 * findings, calls and imports reported so far. The rules (the other modules here) read it and add to it.
 */
import ts from 'typescript';
import type { CodeSide, SourceFile } from '../../../src/domain/evidence/types';
import { declaredNames, lineOf, staticPath } from '../syntax';
import { FileValues } from '../static-values';
import { scriptKind } from './names';
import type { Binding, Finding, ModuleCall } from './types';

export class Scan {
  readonly sf: ts.SourceFile;
  readonly side: CodeSide;
  readonly findings: Finding[] = [];
  readonly calls: ModuleCall[] = [];
  readonly imports: string[] = [];
  readonly bindings = new Map<string, Binding>();
  /** Names bound to imported asset files (`import logo from './logo.svg'`): the bundler serves them. */
  readonly assetNames = new Set<string>();
  /** The names the file declares: they shadow globals such as `fetch`. */
  readonly locals: Set<string>;
  readonly consts: Map<string, ts.Expression>;
  readonly values: FileValues;
  private readonly path: string;

  constructor(file: SourceFile) {
    this.path = file.path;
    this.side = file.side;
    this.sf = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, scriptKind(file.path));
    this.locals = declaredNames(this.sf);
    this.consts = constMap(this.sf);
    this.values = new FileValues(this.sf);
  }

  /** `path:line` of a node. */
  at(node: ts.Node): string {
    return `${this.path}:${lineOf(this.sf, node)}`;
  }

  /** A node's source on one line, cut at 100 characters. */
  text(node: ts.Node): string {
    const t = node.getText(this.sf).replace(/\s+/g, ' ');
    return t.length > 100 ? `${t.slice(0, 99)}…` : t;
  }

  /** The egress kind of a request made by code on this file's side. */
  fetchKind(): 'fetch.client' | 'fetch.backend' {
    return this.side === 'browser' ? 'fetch.client' : 'fetch.backend';
  }

  /** Reads a path, following `X.y` member reads of object constants by their last name. */
  pathOf(expr: ts.Expression | undefined): string | null {
    if (expr && ts.isPropertyAccessExpression(expr)) return staticPath(this.consts.get(expr.name.text), this.consts);
    return staticPath(expr, this.consts);
  }
}

function constMap(sf: ts.SourceFile): Map<string, ts.Expression> {
  const map = new Map<string, ts.Expression>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const list = node.parent;
      const isConst = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
      if (isConst || !map.has(node.name.text)) map.set(node.name.text, node.initializer);
    }
    if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer))
    ) {
      // Object constants such as `const URLS = { api: 'https://…' }`: `URLS.api` reads as `api`.
      if (!map.has(node.name.text)) map.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return map;
}
