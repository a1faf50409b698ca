/**
 * Calls of the packages the scanner knows, by package: @forge/api, @forge/kvs, @forge/bridge, the Compass
 * SDK, @forge/sql, HTTP clients; and calls into the app's own modules (for paths passed through wrappers).
 */
import type ts from 'typescript';
import { CALL } from '../syntax';
import type { Scan } from './context';
import { egress, egressTo, httpClientCall } from './egress';
import { compassSdkScope, FORGE_API } from './names';
import { atlassianRequest, graphqlRequest, rest } from './product-calls';
import { forgeApiStorage, kvsCall, productProperties, storageOp } from './storage';
import { ownValue } from '../../../src/domain/is-record';
import type { RestProduct } from '../route-scopes';
import type { Binding } from './types';

const REST_CALLS: Readonly<Record<string, RestProduct>> = {
  requestJira: 'jira',
  requestConfluence: 'confluence',
  requestBitbucket: 'bitbucket',
};

/** A call of @forge/api in backend code, by the names of its chain. */
function forgeApiCall(scan: Scan, names: string[], node: ts.CallExpression): void {
  const last = names[names.length - 1] ?? '';
  const product = ownValue(REST_CALLS, last);
  const s = names.indexOf('storage');
  if (product) rest(scan, product, node);
  else if (/^__requestAtlassian(AsApp|AsUser)?$/.test(last)) atlassianRequest(scan, node);
  else if (last === 'requestGraph') graphqlRequest(scan, node);
  else if (last === 'fetch' && !names.slice(0, -1).includes(CALL))
    egressTo(scan, 'fetch.backend', node.arguments[0], node, '@forge/api fetch');
  else if (last === 'invokeRemote') egress(scan, 'remote', null, node, '@forge/api invokeRemote');
  else if (s >= 0 && names[s + 1] !== CALL) forgeApiStorage(scan, names, s, node);
  else otherForgeApiCall(scan, names, node);
}

/** `privacy.…` (the personal data reporting API) and product properties. */
function otherForgeApiCall(scan: Scan, names: string[], node: ts.CallExpression): void {
  if (names.includes('privacy'))
    scan.findings.push({ type: 'scope', scope: 'report:personal-data', at: scan.at(node), what: scan.text(node) });
  productProperties(scan, names, node);
}

function bridgeCall(scan: Scan, names: string[], call: ts.CallExpression): void {
  const last = names[names.length - 1] ?? '';
  const product = ownValue(REST_CALLS, last);
  if (product) rest(scan, product, call);
  else if (last === 'invokeRemote' || last === 'requestRemote')
    egress(scan, 'remote', null, call, `@forge/bridge ${last}`);
}

/** `graphqlGateway.compass.asApp().getComponent(…)`: the Compass scope the method needs. */
function compassSdkCall(scan: Scan, names: string[], call: ts.CallExpression): void {
  const last = names[names.length - 1] ?? '';
  if (names.includes('compass') && last !== 'asApp' && last !== 'asUser' && last !== CALL)
    scan.findings.push({
      type: 'graphql',
      scopes: [[compassSdkScope(last)]],
      at: scan.at(call),
      what: scan.text(call),
    });
}

/** A call whose callee is bound to `binding` (`names`: its members, then the chain's). */
export function boundCall(scan: Scan, binding: Binding, names: string[], call: ts.CallExpression): void {
  const pkg = binding.pkg;
  if (pkg === FORGE_API && scan.side === 'backend') forgeApiCall(scan, names, call);
  else if (pkg === '@forge/kvs') kvsCall(scan, names, call);
  else if (pkg === '@forge/bridge') bridgeCall(scan, names, call);
  else if (pkg === '@atlassian/forge-graphql') compassSdkCall(scan, names, call);
  else if (pkg === '@forge/sql') storageOp(scan, 'sql', call, 'set', false);
  else httpClientCall(scan, pkg, call);
}
