/**
 * Product calls made through a third-party client (`jira.post(route\`/rest/api/3/issue\`)`, as with axios-like
 * wrappers of requestJira), and the names a file binds to such clients.
 */
import ts from 'typescript';
import { CALL, chainOf } from '../syntax';
import type { Scan } from './context';
import { FORGE_API, HTTP_VERBS, productOfPath, thirdParty, unwrap } from './names';
import type { Binding, Finding } from './types';

/** Names bound to what a third-party package's function or class returns: a client object. */
export function clientNames(sf: ts.SourceFile, bindings: ReadonlyMap<string, Binding>): Set<string> {
  const out = new Set<string>();
  const madeByPackage = (init: ts.Expression): boolean => {
    const e = unwrap(init);
    if (!ts.isCallExpression(e) && !ts.isNewExpression(e)) return false;
    const chain = chainOf(e.expression);
    const pkg = chain ? bindings.get(chain.root)?.pkg : undefined;
    return pkg !== undefined && thirdParty(pkg);
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      madeByPackage(node.initializer)
    )
      out.add(node.name.text);
    if (ts.isExportAssignment(node) && madeByPackage(node.expression)) out.add('default');
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** A `route\`…\`` or `assumeTrustedRoute(…)` value of @forge/api. */
function isRoute(arg: ts.Expression, bindings: ReadonlyMap<string, Binding>): boolean {
  const e = unwrap(arg);
  const tag = ts.isTaggedTemplateExpression(e) ? e.tag : ts.isCallExpression(e) ? e.expression : null;
  const b = tag && ts.isIdentifier(tag) ? bindings.get(tag.text) : undefined;
  const name = b?.members[b.members.length - 1];
  return (
    b?.pkg === FORGE_API &&
    ((ts.isTaggedTemplateExpression(e) && name === 'route') ||
      (ts.isCallExpression(e) && name === 'assumeTrustedRoute'))
  );
}

/** The HTTP methods of a client call: the method's name (`get`, `post`…), else the options object's `method`. */
function clientMethods(scan: Scan, names: string[], node: ts.CallExpression, routeAt: number): (string | null)[] {
  const verb =
    names
      .filter((n) => n !== CALL)
      .pop()
      ?.toLowerCase() ?? '';
  if (HTTP_VERBS.has(verb)) return [verb.toUpperCase()];
  const options = node.arguments.slice(routeAt + 1).find((a) => ts.isObjectLiteralExpression(unwrap(a)));
  return options ? (scan.values.methods(options, null) ?? [null]) : [null];
}

/**
 * A route value of @forge/api passed to a client's method is the call's path. On an object imported from the
 * app's own module, a client-call app-evidence.ts resolves; calls of the app's own functions are not these:
 * their product calls are read where they are made.
 */
export function clientCall(scan: Scan, node: ts.CallExpression, clients: ReadonlySet<string>): Finding[] {
  const chain = chainOf(node.expression);
  const i = node.arguments.findIndex((a) => isRoute(a, scan.bindings));
  if (!chain || i < 0) return [];
  const binding = scan.bindings.get(chain.root);
  const from = binding?.pkg.startsWith('.') ? binding : null;
  const client = binding ? thirdParty(binding.pkg) : clients.has(chain.root);
  if (!from && !client) return [];
  const methods = clientMethods(scan, chain.names, node, i);
  const at = scan.at(node);
  const out: Finding[] = [];
  for (const path of scan.values.values(node.arguments[i], null) ?? [null])
    for (const method of methods) {
      const product = productOfPath(path ?? '');
      if (from)
        out.push({
          type: 'client-call',
          from: from.pkg,
          name: from.members[0] ?? 'default',
          product,
          method,
          path,
          at,
        });
      else out.push({ type: 'rest', product, method, path, at });
    }
  return out;
}
