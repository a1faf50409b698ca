/**
 * The part of `@forge/api` the panel calls (`asUser().requestJira/requestConfluence`, `route`,
 * `privacy.reportPersonalData`), taken from the three modules of @forge/api 8.3.0 (pinned exactly) that hold
 * them. The package build (scripts/package-runtime.ts) puts this module where the runtime imports
 * `@forge/api`: its index also loads i18n, lodash, egress, auth, permissions and web triggers, which the
 * panel never calls, and a host's bundler copies all of it into the panel's entry (about 90 KB).
 * test/host/forge-api-slim.test.ts checks these are the index's own functions, so the two cannot drift.
 * The same three modules hold them from @forge/api 7.0.0 on (6.x and older keep them elsewhere), which is
 * why the peer range starts at 7.0.0: test/host/peer-majors.test.ts runs a host pinned there.
 */
import { __requestAtlassianAsApp, getFetchAPI } from '@forge/api/out/api/fetch';
import { createReportPersonalData } from '@forge/api/out/privacy';

export { route } from '@forge/api/out/safeUrl';

const fetchApi = getFetchAPI();

export const asUser = (accountId?: string) => fetchApi.asUser(accountId);
export const privacy = { reportPersonalData: createReportPersonalData(__requestAtlassianAsApp) };

const api = { asUser };
export default api;
