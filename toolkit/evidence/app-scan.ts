/**
 * Reads one source file (TS, TSX, JS, JSX, MJS, CJS) with the TypeScript parser and reports what the
 * evidence needs: product REST calls (method and path as far as they are static), GraphQL calls, Forge
 * storage operations and the keys they write, egress (fetch, HTTP clients, phone-home SDKs, JSX sources),
 * scopes that APIs need, and the modules the file imports (for the import graph). Pure: no file access.
 *
 * The rules live in scan/, one module per kind of fact: bindings.ts (imports and what names are bound to),
 * package-facts.ts (what loading a package says), package-calls.ts (calls of known packages),
 * product-calls.ts (REST and GraphQL), storage.ts, egress.ts and client-calls.ts (routes handed to
 * third-party clients). This module walks the file once and hands each node to them.
 */
import ts from 'typescript';
import type { SourceFile } from '../../src/domain/evidence/types';
import { CALL, chainOf } from './syntax';
import { collectBindings } from './scan/bindings';
import { clientCall, clientNames } from './scan/client-calls';
import { Scan } from './scan/context';
import { globalCall, jsxSource } from './scan/egress';
import { FORGE_API, thirdParty } from './scan/names';
import { boundCall } from './scan/package-calls';
import { productCallOf, untracedProductCall } from './scan/product-calls';
import type { Chain, FileScan } from './scan/types';

export type { FileScan, Finding, ModuleCall, StorageKindInCode } from './scan/types';
export { absoluteHost, atlassianPathAsJira, compassSdkScope, forgeHelperLibrary, productOfPath } from './scan/names';

/** A call or `new` with a callee chain: the module, package or global it reaches. */
function onCallee(scan: Scan, node: ts.CallExpression | ts.NewExpression, chain: Chain): void {
  const binding = scan.bindings.get(chain.root);
  const names = binding ? [...binding.members, ...chain.names] : chain.names;
  const call = ts.isCallExpression(node) ? node : null;
  if (binding?.pkg === '@forge/events' && !call && names[names.length - 1] === 'Queue')
    scan.findings.push({ type: 'module', module: 'consumer', at: scan.at(node), what: scan.text(node) });
  if (binding && call && binding.pkg.startsWith('.')) {
    const fn = names.filter((n) => n !== CALL).pop() ?? chain.root;
    const args = call.arguments.map((a) => scan.values.values(a, null));
    scan.calls.push({ fn, from: binding.pkg, args, at: scan.at(call) });
  }
  if (binding) {
    if (call) boundCall(scan, binding, names, call);
    return;
  }
  const product = call ? productCallOf(chain) : undefined;
  if (call && product) untracedProductCall(scan, product, call);
  else globalCall(scan, chain, node);
}

export function scanFile(file: SourceFile): FileScan {
  const scan = new Scan(file);
  collectBindings(scan);
  const bound = [...scan.bindings.values()];
  // Routes handed to third-party clients: only files that import a package and Forge's route tag can have them.
  const clients = bound.some((b) => thirdParty(b.pkg)) ? clientNames(scan.sf, scan.bindings) : new Set<string>();
  const routeTag = bound.some(
    (b) => b.pkg === FORGE_API && ['route', 'assumeTrustedRoute'].includes(b.members[b.members.length - 1] ?? ''),
  );
  const visit = (node: ts.Node): void => {
    if (routeTag && ts.isCallExpression(node)) scan.findings.push(...clientCall(scan, node, clients));
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const chain = chainOf(node.expression);
      if (chain) onCallee(scan, node, chain);
    }
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && scan.side === 'browser')
      jsxSource(scan, node);
    ts.forEachChild(node, visit);
  };
  visit(scan.sf);
  const { findings, calls, imports } = scan;
  return { findings, calls, imports, ...(clients.size > 0 ? { clients: [...clients] } : {}) };
}
