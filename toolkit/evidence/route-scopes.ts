/**
 * Which scopes a product REST call needs, from Atlassian's own REST API descriptions (the table in
 * scopes/routes.json, derived by scopes/derive.ts). A call matches a route template segment by segment;
 * `{param}` takes any one segment. A call is covered when the manifest holds ALL scopes of ANY one
 * alternative (classic or granular), as `forge lint` decides.
 */
import table from './scopes/routes.json';
import supplement from './scopes/supplement.json';

/** Products whose REST API an app calls (`requestJira`, `requestConfluence`, `requestBitbucket`). */
export type RestProduct = 'jira' | 'confluence' | 'bitbucket';

export interface RouteFacts {
  product: RestProduct;
  method: string;
  route: string;
  /** Each inner list is one accepted alternative; empty when the descriptions name no scope. */
  alternatives: string[][];
}

export const PLACEHOLDER = '${…}';

interface CompiledRoute extends RouteFacts {
  segments: string[];
}

function compile(rows: readonly (readonly unknown[])[]): CompiledRoute[] {
  return rows.map((row) => {
    const [product, method, route, alternatives] = row as [RestProduct, string, string, string[][]];
    return { product, method, route, alternatives, segments: route.split('/').filter(Boolean) };
  });
}

/** Supplement rows (facts from Atlassian's docs where the descriptions give no scope) come first. */
const SUPPLEMENT = compile(supplement.routes);
const overridden = new Set(SUPPLEMENT.map((r) => `${r.product} ${r.method} ${r.route}`));
const ROUTES: CompiledRoute[] = [
  ...SUPPLEMENT,
  ...compile(table.routes).filter((r) => !overridden.has(`${r.product} ${r.method} ${r.route}`)),
];
const BY_PRODUCT_METHOD = new Map<string, CompiledRoute[]>();
for (const r of ROUTES) {
  const key = `${r.product} ${r.method}`;
  const list = BY_PRODUCT_METHOD.get(key) ?? [];
  list.push(r);
  BY_PRODUCT_METHOD.set(key, list);
}

/** `/rest/api/2/x` and `/rest/api/latest/x` use the same scopes as `/rest/api/3/x`. */
export function normalisePath(path: string): string {
  let p = path.trim().split(/[?#]/, 1)[0] ?? '';
  if (!p.startsWith('/') && !p.startsWith(PLACEHOLDER)) p = `/${p}`;
  p = p.replace(/^\/rest\/api\/(2|latest)\//, '/rest/api/3/').replace(/\/+$/, '');
  return p;
}

function segmentScore(call: string, route: string): number {
  const param = route.startsWith('{') && route.endsWith('}');
  if (!call.includes(PLACEHOLDER)) return call === route ? 2 : param ? 1 : -1;
  if (param) return 1;
  const parts = call.split(PLACEHOLDER).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`).test(route) ? 0 : -1;
}

export type RouteMatch =
  | { kind: 'route'; route: RouteFacts }
  | { kind: 'unknown-route' }
  /** Several routes fit the static parts and need different scopes. */
  | { kind: 'ambiguous'; routes: RouteFacts[] };

/** The route a call hits; `path` as read from the code (placeholders `${…}`), `method` upper case. */
export function matchRoute(product: RestProduct, method: string, path: string): RouteMatch {
  const segments = normalisePath(path).split('/').filter(Boolean);
  let best: CompiledRoute[] = [];
  let bestScore = -1;
  for (const r of BY_PRODUCT_METHOD.get(`${product} ${method.toUpperCase()}`) ?? []) {
    if (r.segments.length !== segments.length) continue;
    let score = 0;
    for (let i = 0; i < segments.length && score >= 0; i++) {
      const s = segmentScore(segments[i] ?? '', r.segments[i] ?? '');
      score = s < 0 ? -1 : score + s;
    }
    if (score < 0) continue;
    if (score > bestScore) {
      best = [r];
      bestScore = score;
    } else if (score === bestScore) best.push(r);
  }
  const [first] = best;
  if (!first) return { kind: 'unknown-route' };
  const key = (r: RouteFacts): string => JSON.stringify(r.alternatives);
  if (best.some((r) => key(r) !== key(first))) return { kind: 'ambiguous', routes: best };
  return { kind: 'route', route: first };
}

/** The alternatives the manifest satisfies (every scope declared). */
export function satisfied(alternatives: readonly string[][], declared: ReadonlySet<string>): string[][] {
  return alternatives.filter((alt) => alt.every((s) => declared.has(s)));
}

/** The routes of a product an unreadable call could hit: by method (any when null) and the path's static start. */
export function candidateRoutes(product: RestProduct, method: string | null, path: string | null): RouteFacts[] {
  const start = path === null ? [] : (normalisePath(path).split(PLACEHOLDER, 1)[0]?.split('/').filter(Boolean) ?? []);
  // The last static segment may continue into the placeholder (`/issue${…}`): only whole segments count.
  const whole =
    path !== null && !normalisePath(path).startsWith(`${start.map((s) => `/${s}`).join('')}/`)
      ? start.slice(0, -1)
      : start;
  return ROUTES.filter(
    (r) =>
      r.product === product &&
      (method === null || r.method === method.toUpperCase()) &&
      r.segments.length >= whole.length &&
      whole.every((seg, i) => {
        const t = r.segments[i] ?? '';
        return t === seg || (t.startsWith('{') && t.endsWith('}'));
      }),
  );
}

/** Whether Atlassian's descriptions cover a product's REST API at all (Bitbucket's are not in the table). */
export function hasRouteFacts(product: RestProduct): boolean {
  return ROUTES.some((r) => r.product === product);
}

/** Every route of the table (supplement first), for indexes built once. */
export function allRoutes(): readonly RouteFacts[] {
  return ROUTES;
}
