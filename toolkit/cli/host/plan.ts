/**
 * What `add` will do to a host, decided from the host's shape and written as splices on manifest.yml and
 * package.json plus the files to create. Pure apart from checking which files exist.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Product } from '../../../src/domain/product';
import { appEvidenceDetail } from '../../evidence/app-evidence';
import { readManifestFacts } from '../../evidence/manifest-facts';
import type { ManifestFacts } from '../../../src/domain/evidence/types';
import { panelScopeNeeds, productsIn } from './panel-needs';
import {
  dataImport,
  tsResolution,
  handlerFileText,
  hostModuleFormat,
  panelFileNames,
  REGISTER_EXPORT,
  SUB_PAGE_EXPORTS,
  type ModuleFormat,
} from './handler-file';
import type { NewFile } from './handler-file';

export type { NewFile };
import { findResolver, importPath, moduleFile, readUiPackage, spelledKeyFamilies, uiKit1Imports } from './host-code';
import type { ResolverSite, UiPackage } from './host-code';
import {
  collect,
  HostAppError,
  RANK,
  refuseAll,
  runtimeRefusal,
  uiKit1Refusal,
  type HostApp,
  type Refusal,
} from './host-app';
import { chooseKeyPrefix, type HostKeyFamily } from './key-prefix-choice';
import { PANEL } from './panel-names';
import {
  addKey,
  appendToList,
  detectStyle,
  hasMarkers,
  ManifestShapeError,
  type ManifestEdit,
  type Path,
  type Splice,
} from './manifest-edit';
import { scriptSplice, type TextSplice } from './package-json';
import { starterStatementFiles } from './statement-starter';
import { isRecord } from '../../../src/domain/is-record';

export type Placement =
  | { product: 'jira'; kind: 'admin-page' }
  | {
      product: 'jira';
      kind: 'sub-page';
      hostModule: string;
      resolverFunction: string;
      /** The function's module (`index` of `handler: index.handler`) and its file, when it exists. */
      entryModule: string;
      entryFile: string | null;
      /** Where the host creates the resolver, and what it calls it. */
      resolver: ResolverSite | null;
      /** The page's UI package: its router, entry file, build. */
      ui: UiPackage;
    }
  | { product: 'jira'; kind: 'config' | 'get-started'; hostModule: string }
  | { product: 'confluence'; kind: 'global-settings' };

export interface ScopeDecision {
  why: string;
  scope: string;
  /** True when the host already declares it (no new consent). */
  reused: boolean;
}

export interface Plan {
  alreadyAdded: boolean;
  products: Product[];
  placements: Placement[];
  scopes: ScopeDecision[];
  manifestSplices: Splice[];
  /** The same changes on the manifest's data. */
  manifestEdits: ManifestEdit[];
  packageSplice: TextSplice | null;
  files: NewFile[];
  /** The panel's KVS key prefix in this host: `pp:` unless the host's own keys overlap it (or --key-prefix); null when already added. */
  keyPrefix: string | null;
  /** Lines for the vendor: router and resolver lines, scopes, next steps. */
  notes: string[];
  warnings: string[];
}

type Entry = Record<string, unknown>;

function entries(modules: Entry, type: string): Entry[] {
  const list = modules[type];
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

/** The products the panel goes into: those of the app's modules, both when it names none; refused when it has only others. */
export function productsOf(modules: Entry): Product[] {
  const products = productsIn(modules);
  if (products.length > 0) return products;
  const other = Object.keys(modules).filter((t) => t.includes(':'));
  if (other.length > 0) {
    throw new HostAppError(
      'manifest.yml',
      `the app has only ${other.join(', ')} modules; the panel lives in Jira admin settings or Confluence global settings, so add a Jira or Confluence module first.`,
    );
  }
  return ['jira', 'confluence'];
}

/**
 * The key families the host's own code writes to Forge storage (KVS or the legacy storage API, one key space
 * per installation), as the evidence engine reports them: the static start of each key written.
 */
function hostKeyFamilies(app: HostApp): HostKeyFamily[] {
  return appEvidenceDetail(app.code())
    .evidence.keyFamilies.filter((f) => f.kind === 'kvs' || f.kind === 'legacy-storage')
    .map(({ family, at }) => ({ family, at }));
}

function allKeys(modules: Entry): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [type, list] of Object.entries(modules)) {
    if (!Array.isArray(list)) continue;
    for (const item of list) if (isRecord(item) && typeof item['key'] === 'string') keys.set(item['key'], type);
  }
  return keys;
}

/** The module of a function's `handler: <module>.<export>`. */
function handlerModuleOf(app: HostApp, functionKey: string): string {
  const fn = entries(app.manifest['modules'] as Entry, 'function').find((f) => f['key'] === functionKey);
  const handler = typeof fn?.['handler'] === 'string' ? fn['handler'] : '';
  return handler.slice(0, Math.max(0, handler.lastIndexOf('.')));
}

function resourcePathOf(app: HostApp, key: unknown): string | null {
  const resources = Array.isArray(app.manifest['resources']) ? app.manifest['resources'].filter(isRecord) : [];
  const path = resources.find((r) => r['key'] === key)?.['path'];
  return typeof path === 'string' ? path : null;
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
      [
        {
          file: 'manifest.yml',
          rank: RANK.uiKit1,
          detail: `jira:adminPage "${key}" is a UI Kit 1 page (\`function:\`), which Forge removed in 2025. Move it to UI Kit (@forge/react, \`render: native\`) or Custom UI first, then run add again.`,
        },
      ],
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
    const entryModule = handlerModuleOf(app, resolver['function']);
    const entryFile = moduleFile(app.dir, entryModule);
    return {
      product: 'jira',
      kind: 'sub-page',
      hostModule: key,
      resolverFunction: resolver['function'],
      entryModule,
      entryFile,
      resolver: findResolver(app.dir, entryFile, app.sources()),
      ui: readUiPackage(app.dir, resourcePathOf(app, plain['resource']) ?? 'static', app.packageJson),
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

/** A granular scope (`read:permission:jira`) grants one kind of data; a classic one (`read:jira-work`) many. */
const granular = (scope: string): boolean => scope.split(':').length === 3;

/**
 * One scope per need: one the host already declares (no new consent), else the narrowest Atlassian's route
 * facts accept on its own (a granular scope before a classic one).
 */
function decideScopes(facts: ManifestFacts, products: Product[]): ScopeDecision[] {
  return panelScopeNeeds(products).map((need) => {
    const have = need.anyOf.find((s) => facts.scopes.includes(s));
    const narrowest = need.anyOf.find(granular) ?? need.anyOf[0] ?? '';
    return { why: need.why, scope: have ?? narrowest, reused: have !== undefined };
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

const ROUTE = `/${PANEL.route}`;
const MOUNT = `(el) => { if (el) void mountPrivacyPanel(el); }`;

/** The lines that show the panel on the host's page, in the host's router's own terms. */
function uiLines(ui: UiPackage): string[] {
  const imports = [`import { mountPrivacyPanel } from 'privacy-panel/mount';`, `import 'privacy-panel/mount.css';`];
  const where = ui.entry ?? `the entry file of ${ui.dir}`;
  const build = ui.vite ? 'a Vite build' : 'its build';
  if (ui.router.kind === 'react-router') {
    const route =
      ui.router.major >= 6
        ? `<Route path="${ROUTE}" element={<div ref={${MOUNT}} />} />`
        : `<Route path="${ROUTE}" render={() => <div ref={${MOUNT}} />} />`;
    return [
      `  in ${where} (your Custom UI, ${ui.router.from} ${ui.router.major}, ${build}): the imports, then the route`,
      ...imports.map((l) => `    ${l}`),
      `    inside your <${ui.router.major >= 6 ? 'Routes' : 'Switch'}>:`,
      `    ${route}`,
    ];
  }
  return [
    `  in ${where} (your Custom UI routes with view.createHistory() from @forge/bridge, ${build}): the imports, then the mount`,
    ...(ui.importsView ? [] : [`    import { view } from '@forge/bridge';`]),
    ...imports.map((l) => `    ${l}`),
    `    const privacyPanelRoot = document.body.appendChild(document.createElement('div'));`,
    `    void view.createHistory().then((history) => mountPrivacyPanel(privacyPanelRoot, { history, route: '${ROUTE}' }));`,
    `    (or pass the history your page already has: mountPrivacyPanel shows the panel while it is at ${ROUTE})`,
  ];
}

/** What the vendor adds for the sub-page placement: the resolver, the re-exported triggers, the page. */
function subPageNotes(
  app: HostApp,
  placement: Extract<Placement, { kind: 'sub-page' }>,
  format: ModuleFormat,
): string[] {
  const esm = isRecord(app.packageJson) && app.packageJson['type'] === 'module';
  const target = PANEL.handlerDir + '/index';
  const resolverFile = placement.resolver?.file ?? placement.entryFile;
  const variable = placement.resolver?.variable ?? 'resolver';
  const cjs = format === 'cjs';
  const out = [
    `Your page "${placement.hostModule}" gets a sub-page "${PANEL.title}" at route ${ROUTE}. Add these lines yourself:`,
  ];
  const register = (file: string) => {
    const spec = importPath(file, target, esm);
    return cjs
      ? [`    const { ${REGISTER_EXPORT} } = require('${spec}');`, `    ${REGISTER_EXPORT}(${variable});`]
      : [`    import { ${REGISTER_EXPORT} } from '${spec}';`, `    ${REGISTER_EXPORT}(${variable});`];
  };
  out.push(
    resolverFile
      ? `  in ${resolverFile}, after your ${variable}.define(...) calls (the import goes with your imports):`
      : `  in the file that creates the resolver of function "${placement.resolverFunction}", after its define(...) calls:`,
    ...register(resolverFile ?? 'src/index'),
  );
  const names = Object.keys(SUB_PAGE_EXPORTS);
  if (placement.entryFile) {
    const spec = importPath(placement.entryFile, target, esm);
    out.push(
      `  in ${placement.entryFile} (the module of function "${placement.resolverFunction}"; the panel's triggers run from it, so its runtime is bundled once):`,
      ...(cjs
        ? names.map((n) => `    exports.${n} = require('${spec}').${n};`)
        : [`    export { ${names.join(', ')} } from '${spec}';`]),
    );
  }
  out.push(...uiLines(placement.ui));
  return out;
}

type SubPage = Extract<Placement, { kind: 'sub-page' }>;

/** Where the panel goes in each product the host serves; `ownPage` when it gets a page of its own. */
function placementsOf(app: HostApp, products: Product[], refusals: Refusal[]): Placement[] {
  const jira = products.includes('jira') ? collect(refusals, RANK.slot, () => jiraPlacement(app)) : null;
  return [
    ...(jira ? [jira] : []),
    ...(products.includes('confluence') ? [{ product: 'confluence', kind: 'global-settings' } as const] : []),
  ];
}

/** What the manifest gains: each splice on its text, with the same edit on its data (what `add` builds from after). */
interface ManifestChanges {
  splices: Splice[];
  edits: ManifestEdit[];
  notes: string[];
}

/** The manifest's editor: appends and adds keys as splices on the text and as edits of the data. */
function manifestEditor(app: HostApp) {
  const { manifestText: text, doc } = app;
  const style = detectStyle(text, doc);
  const changes: ManifestChanges = { splices: [], edits: [], notes: [] };
  const append = (path: Path, items: readonly unknown[], id: string): void => {
    changes.edits.push({ path, items });
    changes.splices.push(appendToList(text, doc, path, items, id, style));
  };
  const add = (path: Path, key: string, value: unknown, id: string): void => {
    changes.edits.push({ path: [...path, key], value });
    changes.splices.push(addKey(text, doc, path, key, value, id, style));
  };
  return { changes, append, add };
}

type Editor = ReturnType<typeof manifestEditor>;

/** The panel's pages: a sub-page of the host's admin page, or a page of its own. */
function placePages(app: HostApp, editor: Editor, placements: Placement[], format: ModuleFormat): void {
  const jiraPages = entries(app.manifest['modules'] as Entry, 'jira:adminPage');
  for (const placement of placements) {
    if (placement.kind === 'sub-page') {
      const index = jiraPages.findIndex((p) => p['key'] === placement.hostModule);
      const sub = { title: PANEL.title, route: PANEL.route };
      const host = jiraPages[index] ?? {};
      if (Array.isArray(host['sections']))
        editor.append(
          ['modules', 'jira:adminPage', index, 'sections'],
          [{ header: PANEL.title, pages: [sub] }],
          'sub-page',
        );
      else editor.append(['modules', 'jira:adminPage', index, 'pages'], [sub], 'sub-page');
      editor.changes.notes.push(...subPageNotes(app, placement, format));
    } else {
      const type = placement.product === 'jira' ? 'jira:adminPage' : 'confluence:globalSettings';
      editor.append(['modules', type], [pageEntry(placement)], `${placement.product}-page`);
    }
  }
}

/**
 * The panel's triggers and functions; on a sub-page, the triggers run from the host's module when add found
 * its file (`triggersIn`), else from the panel's own entry.
 */
function addFunctions(editor: Editor, ownPage: boolean, subPage: SubPage | undefined, triggersIn: string | null): void {
  const handler = (name: string) => `${PANEL.handlerModule}.${name}`;
  const trigger = (name: keyof typeof SUB_PAGE_EXPORTS) =>
    subPage === undefined ? handler(SUB_PAGE_EXPORTS[name]) : `${triggersIn ?? PANEL.handlerModule}.${name}`;
  editor.append(
    ['modules', 'scheduledTrigger'],
    [{ key: PANEL.reportTrigger, function: PANEL.reportFunction, interval: 'day' }],
    'report-trigger',
  );
  editor.append(
    ['modules', 'trigger'],
    [
      { key: PANEL.installedTrigger, function: PANEL.installedFunction, events: ['avi:forge:installed:app'] },
      { key: PANEL.upgradedTrigger, function: PANEL.upgradedFunction, events: ['avi:forge:upgraded:app'] },
    ],
    'lifecycle-triggers',
  );
  editor.append(
    ['modules', 'function'],
    [
      ...(ownPage ? [{ key: PANEL.resolverFunction, handler: handler('handler') }] : []),
      { key: PANEL.reportFunction, handler: trigger('privacyPanelReport'), timeoutSeconds: 300 },
      { key: PANEL.installedFunction, handler: trigger('privacyPanelInstalled') },
      { key: PANEL.upgradedFunction, handler: trigger('privacyPanelUpgraded') },
    ],
    'functions',
  );
}

/** The scopes the panel needs that the host does not declare yet. */
function addScopes(app: HostApp, editor: Editor, scopes: ScopeDecision[]): void {
  const newScopes = scopes.filter((s) => !s.reused).map((s) => s.scope);
  if (newScopes.length === 0) return;
  const declared = app.doc.getIn(['permissions', 'scopes'], true);
  if (declared === undefined && !app.doc.has('permissions'))
    editor.add([], 'permissions', { scopes: newScopes }, 'scopes');
  else editor.append(['permissions', 'scopes'], newScopes, 'scopes');
}

interface Layout {
  placements: Placement[];
  ownPage: boolean;
  subPage: SubPage | undefined;
  triggersIn: string | null;
  format: ModuleFormat;
}

/** The manifest edits for the chosen placements; a manifest of an unexpected shape is a HostAppError. */
function manifestChanges(app: HostApp, layout: Layout, scopes: ScopeDecision[]): ManifestChanges {
  const editor = manifestEditor(app);
  try {
    placePages(app, editor, layout.placements, layout.format);
    addFunctions(editor, layout.ownPage, layout.subPage, layout.triggersIn);
    if (layout.ownPage) editor.append(['resources'], [{ key: PANEL.resource, path: PANEL.resourcePath }], 'resource');
    addScopes(app, editor, scopes);
  } catch (error) {
    if (error instanceof ManifestShapeError)
      throw new HostAppError('manifest.yml', error.message.replace(/ in manifest\.yml/, ''));
    throw error;
  }
  return editor.changes;
}

/** What package.json lacks: the build script (spliced in when it can be placed) and the dependency. */
function packageChanges(app: HostApp, warnings: string[]): TextSplice | null {
  const packageSplice = app.packageText === undefined ? null : scriptSplice(app.packageText);
  if (app.packageText === undefined)
    warnings.push(`no package.json: run \`${PANEL.scriptCommand}\` before every forge deploy`);
  else if (packageSplice === null)
    warnings.push(`package.json: could not place the script; add "${PANEL.script}": "${PANEL.scriptCommand}" yourself`);
  const deps = app.packageJson?.['dependencies'];
  if (app.packageJson && !(isRecord(deps) && 'privacy-panel' in deps)) {
    warnings.push('package.json does not list privacy-panel in dependencies: run `npm install privacy-panel`.');
  }
  return packageSplice;
}

/** The notes on new scopes (a major version) and on scopes the host already has. */
function scopeNotes(scopes: ScopeDecision[]): string[] {
  const notes: string[] = [];
  const added = scopes.filter((s) => !s.reused);
  if (added.length > 0) {
    notes.push(
      `New scopes: ${added.map((s) => s.scope).join(', ')}. New scopes make the next deploy a major version: each site's admins must approve the update before it reaches them (forge deploy asks for --approve MAJOR_VERSION_RULE).`,
    );
  }
  const reused = scopes.filter((s) => s.reused);
  if (reused.length > 0) notes.push(`Reused scopes: ${reused.map((s) => `${s.scope} (${s.why})`).join(', ')}.`);
  return notes;
}

/** The files add creates: the handler file, and the starter statement unless the host has one. */
function newFiles(app: HostApp, layout: Layout, keyPrefix: string, today: string, notes: string[]): NewFile[] {
  const { format } = layout;
  const handlerText = handlerFileText({
    from: 'privacy-panel/forge',
    format,
    dataImport: dataImport(app.packageJson, format === 'ts' ? tsResolution(app.dir) : undefined),
    keyPrefix,
    subPage: layout.subPage !== undefined,
  });
  const files: NewFile[] = [{ path: panelFileNames(format).index, text: handlerText }];
  if (!existsSync(join(app.dir, 'policy', 'statement.yml'))) {
    files.push(...starterStatementFiles(app, readManifestFacts(app.manifest), today));
  } else {
    notes.push('policy/statement.yml exists: kept as it is.');
  }
  return files;
}

/** The plan of a host that already has the panel: nothing to do. */
function alreadyAdded(app: HostApp, products: Product[]): Plan {
  return {
    alreadyAdded: true,
    products,
    placements: [],
    scopes: [],
    manifestSplices: [],
    manifestEdits: [],
    packageSplice: null,
    files: [],
    keyPrefix: null,
    notes: [],
    warnings: [...app.warnings],
  };
}

/** Where the panel goes, how the host's modules are written, and the key prefix; every refusal at once. */
function layoutOf(app: HostApp, products: Product[], refusals: Refusal[], requestedKeyPrefix?: string) {
  const placements = placementsOf(app, products, refusals);
  const ownPage = placements.some((p) => p.kind !== 'sub-page');
  collect(refusals, RANK.slot, () => refuseTaken(app, placements, ownPage));
  const keys = collect(refusals, RANK.slot, () =>
    chooseKeyPrefix([...hostKeyFamilies(app), ...spelledKeyFamilies(app.sources())], requestedKeyPrefix),
  );
  refuseAll(refusals);
  if (keys === null) throw new Error('unreachable: refuseAll threw');
  const backend = app
    .sources()
    .filter((f) => f.side === 'backend')
    .map((f) => f.text);
  const format = hostModuleFormat(app.typescript, app.packageJson, backend);
  const subPage = placements.find((p): p is SubPage => p.kind === 'sub-page');
  /** The sub-page host's own module runs the panel's triggers (one runtime copy) when add found its file. */
  const triggersIn = subPage?.entryFile ? subPage.entryModule : null;
  const layout: Layout = { placements, ownPage, subPage, triggersIn, format };
  return { layout, keys };
}

export function planAdd(
  app: HostApp,
  today: string,
  requestedKeyPrefix?: string,
  earlier: readonly Refusal[] = [],
): Plan {
  const refusals: Refusal[] = [...earlier];
  const products = collect(refusals, RANK.product, () => productsOf(app.manifest['modules'] as Entry)) ?? [];
  const runtime = runtimeRefusal(app);
  if (runtime) refusals.push(runtime);
  const uiKit1 = uiKit1Refusal(app, uiKit1Imports(app.sources()));
  if (uiKit1.refusal) refusals.push(uiKit1.refusal);
  if (hasMarkers(app.manifestText)) return alreadyAdded(app, products);

  const { layout, keys } = layoutOf(app, products, refusals, requestedKeyPrefix);
  const scopes = decideScopes(readManifestFacts(app.manifest), products);
  const manifest = manifestChanges(app, layout, scopes);
  const notes = manifest.notes;
  if (keys.note !== null) notes.push(keys.note);
  const files = newFiles(app, layout, keys.prefix, today, notes);
  const warnings = [...app.warnings, ...(uiKit1.warning ? [uiKit1.warning] : [])];
  const { subPage } = layout;
  if (subPage && layout.triggersIn === null) {
    warnings.push(
      `the module of function "${subPage.resolverFunction}" was not found under src/: the panel's triggers get their own entry (${PANEL.handlerDir}/), which bundles the panel's runtime a second time.`,
    );
  }
  const packageSplice = packageChanges(app, warnings);
  notes.push(...scopeNotes(scopes));
  return {
    alreadyAdded: false,
    products,
    placements: layout.placements,
    scopes,
    manifestSplices: manifest.splices,
    manifestEdits: manifest.edits,
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
