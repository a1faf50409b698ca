/**
 * What the file's names are bound to: imports, requires and `import x = require()` (with the import graph),
 * then aliases of those (`const { storage } = api`, `const client = api.asUser()`).
 */
import ts from 'typescript';
import { CALL, chainOf } from '../syntax';
import type { Scan } from './context';
import { ASSET, requireTarget, unwrap } from './names';
import { importedPackage } from './package-facts';
import type { Binding } from './types';

/** Binds a name or destructuring pattern to members of `pkg`. */
function bindPattern(scan: Scan, name: ts.BindingName, pkg: string, base: string[]): void {
  if (ts.isIdentifier(name)) scan.bindings.set(name.text, { pkg, members: base });
  else if (ts.isObjectBindingPattern(name))
    for (const el of name.elements) {
      const prop = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : undefined;
      const member = prop ?? (ts.isIdentifier(el.name) ? el.name.text : undefined);
      if (member !== undefined) bindPattern(scan, el.name, pkg, member === 'default' ? base : [...base, member]);
    }
}

function importDeclaration(scan: Scan, node: ts.ImportDeclaration, spec: string): void {
  const clause = node.importClause;
  if (clause?.phaseModifier === ts.SyntaxKind.TypeKeyword) return;
  const named = clause?.namedBindings;
  const values = named && ts.isNamedImports(named) ? named.elements.filter((e) => !e.isTypeOnly) : [];
  const isValue = !clause || clause.name !== undefined || (named && ts.isNamespaceImport(named)) || values.length > 0;
  if (isValue) importedPackage(scan, spec, node);
  if (clause?.name) scan.bindings.set(clause.name.text, { pkg: spec, members: [] });
  if (clause?.name && ASSET.test(spec)) scan.assetNames.add(clause.name.text);
  if (named && ts.isNamespaceImport(named)) scan.bindings.set(named.name.text, { pkg: spec, members: [] });
  for (const e of values) {
    const member = (e.propertyName ?? e.name).text;
    scan.bindings.set(e.name.text, { pkg: spec, members: member === 'default' ? [] : [member] });
  }
}

/** `require('x')` and `import('x')` calls. */
function loadingCall(scan: Scan, node: ts.CallExpression): void {
  const req = requireTarget(node);
  if (req !== null) importedPackage(scan, req, node);
  else if (
    node.expression.kind === ts.SyntaxKind.ImportKeyword &&
    node.arguments[0] &&
    ts.isStringLiteral(node.arguments[0])
  )
    importedPackage(scan, node.arguments[0].text, node);
}

/** `const x = require('x')`, `const { a } = require('x')`, `const y = require('x').y`. */
function requireBinding(scan: Scan, node: ts.VariableDeclaration, init: ts.Expression): void {
  const req = requireTarget(init);
  if (req !== null) bindPattern(scan, node.name, req, []);
  else if (ts.isPropertyAccessExpression(init) && requireTarget(init.expression) !== null) {
    const pkg = requireTarget(init.expression) ?? '';
    const member = init.name.text;
    bindPattern(scan, node.name, pkg, member === 'default' ? [] : [member]);
  }
}

function loads(scan: Scan, node: ts.Node): void {
  if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
    importDeclaration(scan, node, node.moduleSpecifier.text);
  else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
    if (!node.isTypeOnly) scan.imports.push(node.moduleSpecifier.text);
  } else if (ts.isCallExpression(node)) loadingCall(scan, node);
  else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    const ref = node.moduleReference.expression;
    if (ts.isStringLiteral(ref)) {
      importedPackage(scan, ref.text, node);
      scan.bindings.set(node.name.text, { pkg: ref.text, members: [] });
    }
  }
  if (ts.isVariableDeclaration(node) && node.initializer) requireBinding(scan, node, node.initializer);
}

/** What a variable's initializer makes it: a member of a bound package, through Forge's own calls only. */
function aliasOf(scan: Scan, init: ts.Expression): Binding | null {
  const e = unwrap(init);
  if (ts.isConditionalExpression(e)) return aliasOf(scan, e.whenTrue) ?? aliasOf(scan, e.whenFalse);
  const chain = chainOf(e);
  const base = chain ? scan.bindings.get(chain.root) : undefined;
  if (!chain || !base) return null;
  const calls = chain.names.flatMap((n, i) => (n === CALL ? [chain.names[i - 1] ?? ''] : []));
  if (calls.some((n) => !['asUser', 'asApp', 'entity', 'compass', 'transact'].includes(n))) return null;
  return { pkg: base.pkg, members: [...base.members, ...chain.names] };
}

/** Fills the scan's bindings and imports (and the findings of the packages it loads). */
export function collectBindings(scan: Scan): void {
  const collect = (node: ts.Node): void => {
    loads(scan, node);
    ts.forEachChild(node, collect);
  };
  collect(scan.sf);
  // Aliases: `const { storage } = api`, `const client = api.asUser()`, `const r = x ? api.asUser() : api.asApp()`.
  for (let pass = 0; pass < (scan.bindings.size > 0 ? 2 : 0); pass++) {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && node.initializer && requireTarget(node.initializer) === null) {
        const alias = aliasOf(scan, node.initializer);
        if (alias) bindPattern(scan, node.name, alias.pkg, alias.members);
      }
      ts.forEachChild(node, visit);
    };
    visit(scan.sf);
  }
}
