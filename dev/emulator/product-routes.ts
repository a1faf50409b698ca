/**
 * The few Jira and Confluence REST endpoints the app needs, answered from the sample user directory.
 * `asUser()` calls act as the invocation's account; `asApp()` (and plain `requestJira`) act as the app's own
 * account, which administers nothing.
 */
import { jsonResponse, splitPath } from './http';
import type { SampleUser } from './types';
import type { UserDirectory } from './users';

export const APP_ACCOUNT_ID = '557058:f0e1d2c3-b4a5-4000-8000-0000000a9900';
const SITE = 'https://emulated-site.atlassian.net';

export type ProductName = 'jira' | 'confluence';

export interface ProductRequest {
  product: ProductName;
  /** 'user' (asUser), 'app' (asApp) or 'none' (plain requestJira/requestConfluence). */
  provider: string | undefined;
  /** The account an asUser() call acts as (explicit `asUser(id)` or the invocation's account). */
  actingAccountId: string | undefined;
  method: string;
  path: string;
}

/** The caller as the product sees it, or a 401 response. */
type Caller = { kind: 'user'; user: SampleUser } | { kind: 'app' };

function jiraError(status: number, message: string): Response {
  return jsonResponse(status, { errorMessages: [message], errors: {} });
}

function confluenceError(status: number, message: string): Response {
  return jsonResponse(status, {
    statusCode: status,
    data: { authorized: status !== 401, valid: false, errors: [] },
    message,
  });
}

const notFound = (product: ProductName, path: string): Response =>
  jsonResponse(404, { code: 'NOT_FOUND', message: `The emulated ${product} has no endpoint at ${path}`, path });

function jiraUser(u: SampleUser): Record<string, unknown> {
  return {
    self: `${SITE}/rest/api/3/user?accountId=${encodeURIComponent(u.accountId)}`,
    accountId: u.accountId,
    accountType: 'atlassian',
    displayName: u.displayName,
    active: true,
    timeZone: 'Etc/UTC',
    locale: 'en_US',
  };
}

function confluenceUser(u: SampleUser | undefined, withOperations: boolean, isAdmin: boolean): Record<string, unknown> {
  const base: Record<string, unknown> = u
    ? {
        type: 'known',
        accountId: u.accountId,
        accountType: 'atlassian',
        publicName: u.displayName,
        displayName: u.displayName,
      }
    : {
        type: 'known',
        accountId: APP_ACCOUNT_ID,
        accountType: 'app',
        publicName: 'Privacy Panel',
        displayName: 'Privacy Panel',
      };
  if (!withOperations) return { ...base, _expandable: { operations: '', details: '', personalSpace: '' } };
  const operations = [
    { operation: 'use', targetType: 'application' },
    { operation: 'create', targetType: 'space' },
    ...(isAdmin ? [{ operation: 'administer', targetType: 'application' }] : []),
  ];
  return { ...base, operations, _expandable: { details: '', personalSpace: '' } };
}

function jiraRoutes(req: ProductRequest, caller: Caller, users: UserDirectory): Response {
  const { pathname, query } = splitPath(req.path);
  if (req.method !== 'GET') return notFound('jira', req.path);
  if (pathname === '/rest/api/3/mypermissions') {
    const wanted = (query.get('permissions') ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (wanted.length === 0) return jiraError(400, 'The permissions query parameter is required.');
    const isAdmin = caller.kind === 'user' && caller.user.admin.jira;
    const permissions: Record<string, unknown> = {};
    for (const key of wanted) {
      permissions[key] = {
        id: key === 'ADMINISTER' ? '0' : key,
        key,
        name: key,
        type: 'GLOBAL',
        description: `Emulated ${key}`,
        havePermission: key === 'ADMINISTER' && isAdmin,
      };
    }
    return jsonResponse(200, { permissions });
  }
  if (pathname === '/rest/api/3/myself') {
    if (caller.kind === 'app')
      return jsonResponse(200, {
        accountId: APP_ACCOUNT_ID,
        accountType: 'app',
        displayName: 'Privacy Panel',
        active: true,
      });
    return jsonResponse(200, jiraUser(caller.user));
  }
  if (pathname === '/rest/api/3/user') {
    const id = query.get('accountId');
    if (!id) return jiraError(400, 'The accountId query parameter is required.');
    const u = users.get(id);
    if (!u || u.accountStatus === 'closed') return jiraError(404, `The user with account ID '${id}' does not exist.`);
    return jsonResponse(200, jiraUser(u));
  }
  return notFound('jira', req.path);
}

function confluenceRoutes(req: ProductRequest, caller: Caller, users: UserDirectory): Response {
  const { pathname, query } = splitPath(req.path);
  if (req.method !== 'GET') return notFound('confluence', req.path);
  const expand = (query.get('expand') ?? '').split(',').map((e) => e.trim());
  if (pathname === '/wiki/rest/api/user/current') {
    const user = caller.kind === 'user' ? caller.user : undefined;
    return jsonResponse(200, confluenceUser(user, expand.includes('operations'), user?.admin.confluence === true));
  }
  if (pathname === '/wiki/rest/api/user') {
    const id = query.get('accountId');
    if (!id) return confluenceError(400, 'accountId is required');
    const u = users.get(id);
    if (!u || u.accountStatus === 'closed') return confluenceError(404, `No user found with accountId ${id}`);
    return jsonResponse(200, confluenceUser(u, expand.includes('operations'), u.admin.confluence));
  }
  return notFound('confluence', req.path);
}

/** Answers one product REST call. */
export function handleProductRequest(req: ProductRequest, users: UserDirectory): Response {
  let caller: Caller;
  if (req.provider === 'user') {
    const user = req.actingAccountId === undefined ? undefined : users.get(req.actingAccountId);
    if (!user || user.accountStatus === 'closed') {
      const message = `No active user ${req.actingAccountId ?? '(none)'} to act as`;
      return req.product === 'jira' ? jiraError(401, message) : confluenceError(401, message);
    }
    if (user.consented === false) {
      return jsonResponse(
        401,
        { message: 'Authentication required' },
        { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' },
      );
    }
    caller = { kind: 'user', user };
  } else {
    caller = { kind: 'app' };
  }
  return req.product === 'jira' ? jiraRoutes(req, caller, users) : confluenceRoutes(req, caller, users);
}
