/**
 * What `add` will do to a host, decided from the host's shape and written as splices on manifest.yml and
 * package.json plus the files to create. Pure apart from checking which files exist.
 */
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Product } from '../../../src/domain/product';
import { hostKeyFamilies, hostManifestFacts, panelScopeNeeds, type ManifestFacts } from './evidence-adapter';
import { handlerFileText, HOST_HANDLER, panelData } from './handler-file';
import { HostAppError, type HostApp } from './host-app';
import { chooseKeyPrefix } from './key-prefix-choice';
import { PANEL } from './keys';
import { addKey, appendToList, detectStyle, hasMarkers, ManifestShapeError, type Splice } from './manifest-edit';
import { scriptSplice, type TextSplice } from './package-json';
import { starterStatementFiles } from './statement-starter';

export type Placement =
  | { product: 'jira'; kind: 'admin-page' }
  | { product: 'jira'; kind: 'sub-page'; hostModule: string; resolverFunction: string; resolverFile: string | null }
  | { product: 'jira'; kind: 'config' | 'get-started'; hostModule: string }
  | { product: 'confluence'; kind: 'global-settings' };

export interface ScopeDecision {
  why: string;
  scope: string;
  /** True when the host already declares it (no new consent). */
  reused: boolean;
}

export interface NewFile {
  path: string;
  text: string;
}

export interface Plan {
  alreadyAdded: boolean;
  products: Product[];
  placements: Placement[];
  scopes: ScopeDecision[];
  manifestSplices: Splice[];
  packageSplice: TextSplice | null;
  files: NewFile[];
  /** The panel's KVS key prefix in this host: `pp:` unless the host's own keys overlap it (or --key-prefix); null when already added. */
  keyPrefix: string | null;
  /** Lines for the vendor: router and resolver lines, scopes, next steps. */
  notes: string[];
  warnings: string[];
}

type Entry = Record<string, unknown>;

function isRecord(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entries(modules: Entry, type: string): Entry[] {
  const list = modules[type];
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

const JIRA_PREFIXES = ['jira:', 'jiraServiceManagement:'];

export function productsOf(modules: Entry): Product[] {
  const types = Object.keys(modules);
  const jira = types.some((t) => JIRA_PREFIXES.some((p) => t.startsWith(p)));
  // `macro` is the Confluence macro module's older, unprefixed name.
  const confluence = types.some((t) => t.startsWith('confluence:') || t === 'macro');
  if (jira || confluence) return [...(jira ? ['jira' as const] : []), ...(confluence ? ['confluence' as const] : [])];
  const other = types.filter((t) => t.includes(':'));
  if (other.length > 0) {
    throw new HostAppError(
      'manifest.yml',
      `the app has only ${other.join(', ')} modules; the panel lives in Jira admin settings or Confluence global settings, so add a Jira or Confluence module first.`,
    );
  }
  return ['jira', 'confluence'];
}

function allKeys(modules: Entry): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [type, list] of Object.entries(modules)) {
    if (!Array.isArray(list)) continue;
    for (const item of list) if (isRecord(item) && typeof item['key'] === 'string') keys.set(item['key'], type);
  }
  return keys;
}

/** The source file a `handler: <module>.<export>` points at, if it exists. */
function handlerFile(app: HostApp, functionKey: string): string | null {
  const fn = entries(app.manifest['modules'] as Entry, 'function').find((f) => f['key'] === functionKey);
  const handler = typeof fn?.['handler'] === 'string' ? fn['handler'] : '';
  const module = handler.split('.')[0] ?? '';
  for (const ext of ['.tsx', '.jsx', '.ts', '.js', '.cjs']) {
    const rel = `src/${module}${ext}`;
    if (module && existsSync(join(app.dir, rel))) return rel;
  }
  return null;
}

function jiraPlacement(app: HostApp): Placement {
  const pages = entries(app.manifest['modules'] as Entry, 'jira:adminPage');
  const plain = pages.find((p) => !p['useAsConfig'] && !p['useAsGetStarted']);
  if (!plain) return { product: 'jira', kind: 'admin-page' };
  const key = String(plain['key']);
  if (typeof plain['function'] === 'string') {
    throw new HostAppError(
      'manifest.yml',
      `jira:adminPage "${key}" is a UI Kit 1 page (\`function:\`), which Forge removed in 2025. Move it to UI Kit (@forge/react, \`render: native\`) or Custom UI first, then run add again.`,
    );
  }
  if (plain['render'] !== 'native') {
    const resolver = isRecord(plain['resolver']) ? plain['resolver'] : {};
    if (typeof resolver['function'] !== 'string') {
      throw new HostAppError(
        'manifest.yml',
        `jira:adminPage "${key}" has no \`resolver.function\` (${'endpoint' in resolver ? 'it uses a Forge Remote endpoint' : 'no resolver'}), so the panel cannot answer on its routes. Add the panel by hand: a Confluence page, or a resolver function on the page that calls registerPrivacyPanel (README: "Add it to your app").`,
      );
    }
    return {
      product: 'jira',
      kind: 'sub-page',
      hostModule: key,
      resolverFunction: resolver['function'],
      resolverFile: handlerFile(app, resolver['function']),
    };
  }
  // A UI Kit page has no sub-pages: use a free Configure or Get started slot (not shown in the sidebar).
  if (!pages.some((p) => p['useAsConfig'])) return { product: 'jira', kind: 'config', hostModule: key };
  if (!pages.some((p) => p['useAsGetStarted'])) return { product: 'jira', kind: 'get-started', hostModule: key };
  throw new HostAppError(
    'manifest.yml',
    `jira:adminPage "${key}" is a UI Kit page (no sub-pages), and the app's Configure and Get started entries are taken too: Forge allows no other Jira admin page. Either show the panel in Confluence, or move "${key}" to Custom UI and run add again (the panel then becomes its sub-page), or give up one of the Configure/Get started entries.`,
  );
}

function pageEntry(placement: Placement): Entry {
  const base: Entry = {
    key: placement.product === 'jira' ? PANEL.jiraPage : PANEL.confluencePage,
    resource: PANEL.resource,
    resolver: { function: PANEL.resolverFunction },
    title: PANEL.title,
  };
  if (placement.product === 'jira' && placement.kind === 'config') base['useAsConfig'] = true;
  if (placement.product === 'jira' && placement.kind === 'get-started') base['useAsGetStarted'] = true;
  return base;
}

function decideScopes(facts: ManifestFacts, products: Product[]): ScopeDecision[] {
  return panelScopeNeeds(products).map((need) => {
    const have = need.anyOf.find((s) => facts.scopes.includes(s));
    return { why: need.why, scope: have ?? (need.anyOf[0] as string), reused: have !== undefined };
  });
}

function refuseTaken(app: HostApp, placements: Placement[], ownPage: boolean): void {
  const modules = app.manifest['modules'] as Entry;
  const keys = allKeys(modules);
  const ours = [
    ...placements.flatMap((p) =>
      p.kind === 'sub-page' ? [] : [p.product === 'jira' ? PANEL.jiraPage : PANEL.confluencePage],
    ),
    ...(ownPage ? [PANEL.resolverFunction] : []),
    PANEL.reportFunction,
    PANEL.installedFunction,
    PANEL.upgradedFunction,
    PANEL.reportTrigger,
    PANEL.installedTrigger,
    PANEL.upgradedTrigger,
  ];
  for (const key of ours) {
    const type = keys.get(key);
    if (type) {
      throw new HostAppError(
        'manifest.yml',
        `the key "${key}" (${type}) is already taken; the panel needs it. Rename your module or function, then run add again.`,
      );
    }
  }
  const resources = Array.isArray(app.manifest['resources']) ? app.manifest['resources'].filter(isRecord) : [];
  if (ownPage && resources.some((r) => r['key'] === PANEL.resource)) {
    throw new HostAppError(
      'manifest.yml',
      `the resource key "${PANEL.resource}" is already taken; rename yours, then run add again.`,
    );
  }
  for (const path of [PANEL.handlerDir, ...(ownPage ? [PANEL.resourcePath] : [])]) {
    if (existsSync(join(app.dir, path))) {
      throw new HostAppError(
        path,
        'already exists; add never overwrites a host file. Move it away, then run add again.',
      );
    }
  }
}

function routerNotes(app: HostApp, placement: Extract<Placement, { kind: 'sub-page' }>, keyPrefix: string): string[] {
  const resolverFile = placement.resolverFile ?? `the file of function "${placement.resolverFunction}"`;
  const data = placement.resolverFile
    ? posix.relative(posix.dirname(placement.resolverFile), PANEL.handlerDir).replace(/^(?!\.)/, './')
    : `./${PANEL.handlerModule.split('/')[0]}`;
  const deps = { ...(isRecord(app.packageJson?.['dependencies']) ? app.packageJson['dependencies'] : {}) };
  const route =
    'react-router-dom' in deps || 'react-router' in deps
      ? `<Route path="/${PANEL.route}" element={<div ref={(el) => { if (el) void mountPrivacyPanel(el); }} />} />`
      : `if (location.pathname === '/${PANEL.route}') void mountPrivacyPanel(document.getElementById('root'));`;
  return [
    `Your page "${placement.hostModule}" gets a sub-page "${PANEL.title}" at route /${PANEL.route}. Add these lines yourself:`,
    `  in ${resolverFile}, after your resolver.define(...) calls:`,
    `    import { registerPrivacyPanel } from 'privacy-panel/forge';`,
    `    import catalog from '${data}/statements.json';`,
    `    import evidence from '${data}/evidence.json';`,
    `    registerPrivacyPanel(resolver, { ${panelData(keyPrefix)} });`,
    `  in your Custom UI (imports, then the one router line):`,
    `    import { mountPrivacyPanel } from 'privacy-panel/mount';`,
    `    import 'privacy-panel/mount.css';`,
    `    ${route}`,
  ];
}

export function planAdd(app: HostApp, today: string, requestedKeyPrefix?: string): Plan {
  const products = productsOf(app.manifest['modules'] as Entry);
  const empty: Plan = {
    alreadyAdded: true,
    products,
    placements: [],
    scopes: [],
    manifestSplices: [],
    packageSplice: null,
    files: [],
    keyPrefix: null,
    notes: [],
    warnings: [...app.warnings],
  };
  if (hasMarkers(app.manifestText)) return empty;
  const keys = chooseKeyPrefix(hostKeyFamilies(app.dir, app.manifest), requestedKeyPrefix);

  const facts = hostManifestFacts(app.manifest);
  const placements: Placement[] = [
    ...(products.includes('jira') ? [jiraPlacement(app)] : []),
    ...(products.includes('confluence') ? [{ product: 'confluence', kind: 'global-settings' } as const] : []),
  ];
  const ownPage = placements.some((p) => p.kind !== 'sub-page');
  refuseTaken(app, placements, ownPage);
  const scopes = decideScopes(facts, products);
  const { text, doc } = { text: app.manifestText, doc: app.doc };
  const style = detectStyle(text, doc);
  const splices: Splice[] = [];
  const notes: string[] = [];
  const modules = app.manifest['modules'] as Entry;

  try {
    const jiraPages = entries(modules, 'jira:adminPage');
    for (const placement of placements) {
      if (placement.kind === 'sub-page') {
        const index = jiraPages.findIndex((p) => p['key'] === placement.hostModule);
        const sub = { title: PANEL.title, route: PANEL.route };
        const host = jiraPages[index] ?? {};
        splices.push(
          Array.isArray(host['sections'])
            ? appendToList(
                text,
                doc,
                ['modules', 'jira:adminPage', index, 'sections'],
                [{ header: PANEL.title, pages: [sub] }],
                'sub-page',
                style,
              )
            : appendToList(text, doc, ['modules', 'jira:adminPage', index, 'pages'], [sub], 'sub-page', style),
        );
        notes.push(...routerNotes(app, placement, keys.prefix));
      } else {
        const type = placement.product === 'jira' ? 'jira:adminPage' : 'confluence:globalSettings';
        splices.push(
          appendToList(text, doc, ['modules', type], [pageEntry(placement)], `${placement.product}-page`, style),
        );
      }
    }
    const handler = (name: string) => `${PANEL.handlerModule}.${name}`;
    splices.push(
      appendToList(
        text,
        doc,
        ['modules', 'scheduledTrigger'],
        [{ key: PANEL.reportTrigger, function: PANEL.reportFunction, interval: 'day' }],
        'report-trigger',
        style,
      ),
      appendToList(
        text,
        doc,
        ['modules', 'trigger'],
        [
          { key: PANEL.installedTrigger, function: PANEL.installedFunction, events: ['avi:forge:installed:app'] },
          { key: PANEL.upgradedTrigger, function: PANEL.upgradedFunction, events: ['avi:forge:upgraded:app'] },
        ],
        'lifecycle-triggers',
        style,
      ),
      appendToList(
        text,
        doc,
        ['modules', 'function'],
        [
          ...(ownPage ? [{ key: PANEL.resolverFunction, handler: handler('handler') }] : []),
          { key: PANEL.reportFunction, handler: handler('reportPersonalData'), timeoutSeconds: 300 },
          { key: PANEL.installedFunction, handler: handler('onAppInstalled') },
          { key: PANEL.upgradedFunction, handler: handler('onAppUpgraded') },
        ],
        'functions',
        style,
      ),
    );
    if (ownPage) {
      splices.push(
        appendToList(text, doc, ['resources'], [{ key: PANEL.resource, path: PANEL.resourcePath }], 'resource', style),
      );
    }
    const newScopes = scopes.filter((s) => !s.reused).map((s) => s.scope);
    if (newScopes.length > 0) {
      const declared = doc.getIn(['permissions', 'scopes'], true);
      splices.push(
        declared === undefined && !doc.has('permissions')
          ? addKey(text, doc, [], 'permissions', { scopes: newScopes }, 'scopes', style)
          : appendToList(text, doc, ['permissions', 'scopes'], newScopes, 'scopes', style),
      );
    }
  } catch (error) {
    if (error instanceof ManifestShapeError)
      throw new HostAppError('manifest.yml', error.message.replace(/ in manifest\.yml/, ''));
    throw error;
  }

  const ext = app.typescript ? 'ts' : 'js';
  const handlerText = handlerFileText({ ...HOST_HANDLER, keyPrefix: keys.prefix });
  const files: NewFile[] = [{ path: `${PANEL.handlerDir}/index.${ext}`, text: handlerText }];
  const warnings = [...app.warnings];
  if (keys.note !== null) notes.push(keys.note);
  if (!existsSync(join(app.dir, 'policy', 'statement.yml'))) {
    files.push(...starterStatementFiles(app, facts, today));
  } else {
    notes.push('policy/statement.yml exists: kept as it is.');
  }
  const packageSplice = app.packageText === undefined ? null : scriptSplice(app.packageText);
  if (app.packageText === undefined)
    warnings.push(`no package.json: run \`${PANEL.scriptCommand}\` before every forge deploy`);
  else if (packageSplice === null)
    warnings.push(`package.json: could not place the script; add "${PANEL.script}": "${PANEL.scriptCommand}" yourself`);
  const deps = app.packageJson?.['dependencies'];
  if (app.packageJson && !(isRecord(deps) && 'privacy-panel' in deps)) {
    warnings.push('package.json does not list privacy-panel in dependencies: run `npm install privacy-panel`.');
  }

  const added = scopes.filter((s) => !s.reused);
  if (added.length > 0) {
    notes.push(
      `New scopes: ${added.map((s) => s.scope).join(', ')}. New scopes make the next deploy a major version: each site's admins must approve the update before it reaches them (forge deploy asks for --approve MAJOR_VERSION_RULE).`,
    );
  }
  const reused = scopes.filter((s) => s.reused);
  if (reused.length > 0) notes.push(`Reused scopes: ${reused.map((s) => `${s.scope} (${s.why})`).join(', ')}.`);

  return {
    alreadyAdded: false,
    products,
    placements,
    scopes,
    manifestSplices: splices,
    packageSplice,
    files,
    keyPrefix: keys.prefix,
    notes,
    warnings,
  };
}

export function describePlacement(p: Placement): string {
  switch (p.kind) {
    case 'admin-page':
      return `Jira: its own admin page "${PANEL.jiraPage}" (Jira admin settings → Apps)`;
    case 'sub-page':
      return `Jira: a sub-page of your Custom UI admin page "${p.hostModule}", served through mountPrivacyPanel`;
    case 'config':
      return `Jira: your admin page "${p.hostModule}" is UI Kit (no sub-pages), so the panel takes the free Configure entry (Manage apps → Configure; not in the sidebar)`;
    case 'get-started':
      return `Jira: your admin page "${p.hostModule}" is UI Kit (no sub-pages), so the panel takes the free Get started entry (Manage apps → Get started; not in the sidebar)`;
    case 'global-settings':
      return `Confluence: its own global settings page "${PANEL.confluencePage}"`;
  }
}
