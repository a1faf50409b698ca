/** Product calls: REST requests to Jira, Confluence and Bitbucket, and GraphQL, with the paths they use. */
import type ts from 'typescript';
import { ownValue } from '../../../src/domain/is-record';
import { graphqlFieldScopes } from '../graphql-scopes';
import { PLACEHOLDER, type RestProduct } from '../route-scopes';
import { paramMarker, wrapperEnv } from '../static-values';
import type { Scan } from './context';
import { atlassianPathAsJira, PRODUCT_CALLS } from './names';
import type { Chain } from './types';

/** A path read to the end: no placeholder at its start or between two slashes. */
const settled = (p: string): boolean => !p.startsWith(PLACEHOLDER) && !/\/\$\{…\}\//.test(p);

/**
 * `requestJira(route\`…\`, { method })`: each path and method it can have, read where the call is (each name
 * is the variable of its own function), then through the callers; inside a function other modules call with
 * the path, as templates of its parameters (app-evidence.ts reads them at those callers).
 */
export function rest(scan: Scan, product: RestProduct, node: ts.CallExpression): void {
  const { values } = scan;
  const at = scan.at(node);
  const seen = new Set<string>();
  const push = (method: string | null, path: string | null): void => {
    const key = `${method ?? ''} ${path ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    scan.findings.push({ type: 'rest', product, method, path, at });
  };
  const paths = values.values(node.arguments[0], null);
  const methods = values.methods(node.arguments[1], null);
  if (paths !== null && methods !== null && paths.every(settled)) {
    for (const path of paths) for (const method of methods) push(method, path);
    return;
  }
  const wrapper = wrapperEnv(node);
  for (const env of values.environments(node)) {
    const paths = values.values(node.arguments[0], env);
    const methods = values.methods(node.arguments[1], env);
    const unread = paths === null || methods === null || paths.some((p) => p.startsWith(PLACEHOLDER));
    const templates = env === null && wrapper !== null && unread ? values.values(node.arguments[0], wrapper.env) : null;
    if (wrapper !== null && templates?.some((t) => t.startsWith(paramMarker(0).slice(0, 1)))) {
      const read = { fn: wrapper.fn, paths: templates, methods: values.methods(node.arguments[1], wrapper.env) };
      for (const path of paths ?? [null])
        for (const method of methods ?? [null])
          scan.findings.push({ type: 'rest', product, method, path, at, wrapper: read });
      continue;
    }
    for (const path of paths ?? [null]) for (const method of methods ?? [null]) push(method, path);
  }
}

/** `__requestAtlassianAsApp(path)`: api.atlassian.com; DevOps paths are Jira routes, `/graphql` is GraphQL. */
export function atlassianRequest(scan: Scan, node: ts.CallExpression): void {
  const paths = scan.values.values(node.arguments[0], null);
  const methods = scan.values.methods(node.arguments[1], null);
  for (const path of paths ?? [null]) {
    if (path !== null && /^\/graphql\b/.test(path)) {
      scan.findings.push({ type: 'graphql', scopes: null, at: scan.at(node), what: scan.text(node) });
      continue;
    }
    const jira = path === null ? null : atlassianPathAsJira(path);
    for (const method of methods ?? [null])
      scan.findings.push({ type: 'rest', product: 'jira', method, path: jira, at: scan.at(node) });
  }
}

/** `requestGraph(query)`: the scopes of the fields the query names, when it can be read. */
export function graphqlRequest(scan: Scan, node: ts.CallExpression): void {
  const query = scan.pathOf(node.arguments[0]);
  scan.findings.push({
    type: 'graphql',
    scopes: query === null ? null : graphqlFieldScopes(query),
    at: scan.at(node),
    what: scan.text(node),
  });
}

/** The product a call's last name requests (`requestJira` → jira), if any. */
export const productCallOf = (chain: Chain): RestProduct | 'graphql' | undefined =>
  chain.names.length > 0 ? ownValue(PRODUCT_CALLS, chain.names[chain.names.length - 1] ?? '') : undefined;

/** `client.requestJira(…)` on an object passed in: a product call whose scopes cannot be read. */
export function untracedProductCall(scan: Scan, product: RestProduct | 'graphql', call: ts.CallExpression): void {
  if (product === 'graphql')
    scan.findings.push({ type: 'graphql', scopes: null, at: scan.at(call), what: scan.text(call) });
  else scan.findings.push({ type: 'rest', product, method: null, path: null, at: scan.at(call) });
}
