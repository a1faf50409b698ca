/**
 * Packages that contact a vendor's servers on their own once loaded (analytics, error reporting, feature
 * flags, HTTP clients with a fixed host), by package name, with the hosts they use by default.
 */
export interface PhoneHomeSdk {
  /** Package name, or a scope prefix ending in `/` (`@sentry/`). */
  pkg: string;
  what: 'analytics' | 'error reporting' | 'feature flags' | 'session replay' | 'api client';
  hosts: readonly string[];
}

const LAUNCHDARKLY_BROWSER = ['app.launchdarkly.com', 'events.launchdarkly.com', 'clientstream.launchdarkly.com'];
const LAUNCHDARKLY_SERVER = ['sdk.launchdarkly.com', 'events.launchdarkly.com'];
const POSTHOG = ['us.i.posthog.com', 'eu.i.posthog.com', 'app.posthog.com'];

export const PHONE_HOME_SDKS: readonly PhoneHomeSdk[] = [
  { pkg: 'posthog-js', what: 'analytics', hosts: POSTHOG },
  { pkg: 'posthog-node', what: 'analytics', hosts: POSTHOG },
  { pkg: '@segment/', what: 'analytics', hosts: ['api.segment.io', 'cdn.segment.com'] },
  { pkg: 'analytics-node', what: 'analytics', hosts: ['api.segment.io'] },
  { pkg: 'react-ga', what: 'analytics', hosts: ['www.google-analytics.com'] },
  { pkg: 'react-ga4', what: 'analytics', hosts: ['www.google-analytics.com', 'www.googletagmanager.com'] },
  { pkg: 'ga-4-react', what: 'analytics', hosts: ['www.google-analytics.com', 'www.googletagmanager.com'] },
  { pkg: 'mixpanel', what: 'analytics', hosts: ['api.mixpanel.com'] },
  { pkg: 'mixpanel-browser', what: 'analytics', hosts: ['api-js.mixpanel.com'] },
  { pkg: '@amplitude/', what: 'analytics', hosts: ['api2.amplitude.com'] },
  { pkg: 'amplitude-js', what: 'analytics', hosts: ['api2.amplitude.com'] },
  { pkg: 'heap-js', what: 'analytics', hosts: ['heapanalytics.com'] },
  { pkg: '@sentry/', what: 'error reporting', hosts: ['*.ingest.sentry.io', '*.ingest.us.sentry.io'] },
  { pkg: '@bugsnag/', what: 'error reporting', hosts: ['notify.bugsnag.com', 'sessions.bugsnag.com'] },
  { pkg: 'rollbar', what: 'error reporting', hosts: ['api.rollbar.com'] },
  { pkg: '@datadog/browser-rum', what: 'error reporting', hosts: ['browser-intake-datadoghq.com'] },
  { pkg: '@datadog/browser-logs', what: 'error reporting', hosts: ['browser-intake-datadoghq.com'] },
  { pkg: 'logrocket', what: 'session replay', hosts: ['r.lr-ingest.io'] },
  { pkg: '@fullstory/browser', what: 'session replay', hosts: ['rs.fullstory.com'] },
  {
    pkg: 'launchdarkly-js-client-sdk',
    what: 'feature flags',
    hosts: LAUNCHDARKLY_BROWSER,
  },
  {
    pkg: 'launchdarkly-react-client-sdk',
    what: 'feature flags',
    hosts: LAUNCHDARKLY_BROWSER,
  },
  {
    pkg: 'launchdarkly-node-server-sdk',
    what: 'feature flags',
    hosts: LAUNCHDARKLY_SERVER,
  },
  { pkg: '@launchdarkly/', what: 'feature flags', hosts: LAUNCHDARKLY_SERVER },
  { pkg: 'flagsmith', what: 'feature flags', hosts: ['edge.api.flagsmith.com'] },
  { pkg: '@octokit/rest', what: 'api client', hosts: ['api.github.com'] },
  { pkg: '@octokit/core', what: 'api client', hosts: ['api.github.com'] },
  { pkg: 'octokit', what: 'api client', hosts: ['api.github.com'] },
];

export function phoneHomeSdk(specifier: string): PhoneHomeSdk | undefined {
  return PHONE_HOME_SDKS.find((s) =>
    s.pkg.endsWith('/') ? specifier.startsWith(s.pkg) : specifier === s.pkg || specifier.startsWith(`${s.pkg}/`),
  );
}

/** Whether a declared egress host (`*.example.com`, `*`, `api.example.com`) covers a contacted host. */
export function hostCovered(declared: string, host: string): boolean {
  if (declared === '*' || declared === host) return true;
  if (declared.startsWith('*.')) return host.endsWith(declared.slice(1)) || host === declared.slice(2);
  if (host.startsWith('*.')) return declared.endsWith(host.slice(1));
  return false;
}
