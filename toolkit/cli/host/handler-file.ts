/**
 * The files `add` writes into a host's src/privacy-panel/: the panel's Forge functions (index), re-exported
 * from the package, and the data module (data) that `privacy-panel build` rewrites with the catalog and the
 * evidence as plain module code, so no host needs `resolveJsonModule`. Each is written in the host's own
 * module format (TypeScript, ES module or CommonJS JavaScript), and the import of the data module is
 * extensionless unless Node's ES module resolution needs `./data.js`: a JavaScript host whose package is
 * `"type": "module"`, or a TypeScript one that also resolves as node16/nodenext (tsc then requires it). A
 * TypeScript host that resolves as node10 or bundler gets `./data`, which Forge's bundler maps to data.ts.
 * This repository's own src/index.ts is the TypeScript handler, its data imported from src/generated
 * (test/host/self-host.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { DEFAULT_KEY_PREFIX } from '../../../src/domain/storage/key-prefix';
import { compilerOptionsOf } from '../app-files';
import { PANEL } from './panel-names';
import { isRecord } from '../../../src/domain/is-record';

export type ModuleFormat = 'ts' | 'esm' | 'cjs';

export interface HandlerFileOptions {
  /** Where createPrivacyPanel comes from: `privacy-panel/forge` in a host. */
  from: string;
  format: ModuleFormat;
  /** The module specifier of the data module: `./data`, or `./data.js` in a `"type": "module"` host. */
  dataImport: string;
  /** The panel's KVS key prefix; written only when it is not the default `pp:`. */
  keyPrefix?: string;
  /**
   * The sub-page placement: the host's own resolver module re-exports the panel's triggers (SUB_PAGE_EXPORTS)
   * and registers the panel on its resolver, so the panel's runtime is bundled once, into that module.
   */
  subPage?: boolean;
}

export const HOST_HANDLER: HandlerFileOptions = { from: 'privacy-panel/forge', format: 'ts', dataImport: './data' };

/** The function exports of the panel's own entry, in manifest order: resolver, report, installed, upgraded. */
export const HANDLER_EXPORTS = ['handler', 'reportPersonalData', 'onAppInstalled', 'onAppUpgraded'] as const;

/** What the sub-page handler file exports as the host re-exports it: name → the panel's function. */
export const SUB_PAGE_EXPORTS = {
  privacyPanelReport: 'reportPersonalData',
  privacyPanelInstalled: 'onAppInstalled',
  privacyPanelUpgraded: 'onAppUpgraded',
} as const;

/** The name the sub-page handler file gives the function that adds the panel to the host's resolver. */
export const REGISTER_EXPORT = 'registerPrivacyPanel';

/** CommonJS code: `require(`/`module.exports`/`exports.x =` with no `import`/`export` statement. */
export function looksCommonJs(code: string): boolean {
  const cjs = /\brequire\s*\(|\bmodule\.exports\b|^\s*exports\.\w+\s*=/m.test(code);
  const esm = /^\s*(import\s[\s\S]*?from\s|import\s*['"]|export\s)/m.test(code);
  return cjs && !esm;
}

/**
 * The module format of a host: TypeScript when it has a tsconfig.json; else its package.json `type`; else
 * what its entry files are written in (`sources`: the code of the host's function modules).
 */
export function hostModuleFormat(
  typescript: boolean,
  packageJson: Record<string, unknown> | undefined,
  sources: readonly string[],
): ModuleFormat {
  if (typescript) return 'ts';
  const type = isRecord(packageJson) ? packageJson['type'] : undefined;
  if (type === 'module') return 'esm';
  if (type === 'commonjs') return 'cjs';
  return sources.length > 0 && sources.every(looksCommonJs) ? 'cjs' : 'esm';
}

/** How a TypeScript host resolves modules, as its tsconfig (with what it extends) says. */
export type TsResolution = 'node10' | 'node16' | 'bundler' | 'other';

/** The module resolution of the TypeScript host in `dir` (its tsconfig.json, following `extends`). */
export function tsResolution(dir: string): TsResolution {
  const options = compilerOptionsOf(join(dir, 'tsconfig.json'));
  if (options === undefined) return 'other';
  // Without moduleResolution, tsc derives it from module (node16/nodenext alike, preserve: bundler, commonjs: node10).
  const kind =
    options.moduleResolution ??
    (options.module === ts.ModuleKind.Node16 || options.module === ts.ModuleKind.NodeNext
      ? ts.ModuleResolutionKind.Node16
      : options.module === ts.ModuleKind.Preserve
        ? ts.ModuleResolutionKind.Bundler
        : options.module === ts.ModuleKind.CommonJS || options.module === undefined
          ? ts.ModuleResolutionKind.Node10
          : ts.ModuleResolutionKind.Classic);
  switch (kind) {
    case ts.ModuleResolutionKind.Node10:
      return 'node10';
    case ts.ModuleResolutionKind.Node16:
    case ts.ModuleResolutionKind.NodeNext:
      return 'node16';
    case ts.ModuleResolutionKind.Bundler:
      return 'bundler';
    default:
      return 'other';
  }
}

/**
 * `./data`, or `./data.js` where ES module resolution needs the extension: a `"type": "module"` package that
 * is JavaScript (`resolution` undefined) or TypeScript resolving as node16/nodenext.
 */
export function dataImport(
  packageJson: Record<string, unknown> | undefined,
  resolution?: TsResolution,
  base = './data',
): string {
  const esm = isRecord(packageJson) && packageJson['type'] === 'module';
  return esm && (resolution === undefined || resolution === 'node16') ? `${base}.js` : base;
}

/** What the handler file passes: the prefix only when it is not the default. */
export function panelData(keyPrefix: string | undefined): string {
  return keyPrefix === undefined || keyPrefix === DEFAULT_KEY_PREFIX
    ? 'catalog, evidence'
    : `catalog, evidence, keyPrefix: '${keyPrefix}'`;
}

function exported(format: ModuleFormat, name: string, value: string): string {
  return format === 'cjs' ? `exports.${name} = ${value};` : `export const ${name} = ${value};`;
}

export function handlerFileText(options: HandlerFileOptions = HOST_HANDLER): string {
  const { format } = options;
  const imports =
    format === 'cjs'
      ? [
          `const { createPrivacyPanel } = require('${options.from}');`,
          `const { catalog, evidence } = require('${options.dataImport}');`,
        ]
      : [
          `import { createPrivacyPanel } from '${options.from}';`,
          `import { catalog, evidence } from '${options.dataImport}';`,
        ];
  // One plain export per function: Forge's linter looks for an exported name for each handler.
  const lines = options.subPage
    ? [
        exported(format, REGISTER_EXPORT, 'panel.register'),
        ...Object.entries(SUB_PAGE_EXPORTS).map(([name, fn]) => exported(format, name, `panel.${fn}`)),
      ]
    : HANDLER_EXPORTS.map((name) => exported(format, name, `panel.${name}`));
  return [
    "/** Privacy Panel's Forge functions. Written by `privacy-panel add`; `privacy-panel build` refreshes ./data. */",
    ...imports,
    '',
    `const panel = createPrivacyPanel({ ${panelData(options.keyPrefix)} });`,
    '',
    ...lines,
    '',
  ].join('\n');
}

/** The data module: the catalog and evidence as module code (no JSON import, no `resolveJsonModule`). */
export function dataFileText(format: ModuleFormat, catalog: unknown, evidence: unknown): string {
  const annotation = format === 'ts' ? ': unknown' : '';
  const line = (name: string, value: unknown) =>
    format === 'cjs'
      ? `exports.${name} = ${JSON.stringify(value)};`
      : `export const ${name}${annotation} = ${JSON.stringify(value)};`;
  return [
    '/* Written by `privacy-panel build` from policy/ and the app: do not edit (run the build again). */',
    line('catalog', catalog),
    line('evidence', evidence),
    '',
  ].join('\n');
}

/**
 * The data files `build` writes for a handler: its data module in the handler's format, except where a
 * TypeScript handler imports `./data.js` (an ES module host resolving as node16/nodenext). There tsc needs the
 * extension and Forge's bundler cannot map `data.js` to `data.ts`, so the data is a real `data.js` with its
 * types in `data.d.ts`, which both read.
 */
export function dataFiles(format: ModuleFormat, handlerText: string, catalog: unknown, evidence: unknown): NewFile[] {
  const dir = PANEL.handlerDir;
  if (format === 'ts' && handlerText.includes("from './data.js'"))
    return [
      { path: `${dir}/data.js`, text: dataFileText('esm', catalog, evidence) },
      {
        path: `${dir}/data.d.ts`,
        text: '/* Written by `privacy-panel build`: the types of data.js. */\nexport declare const catalog: unknown;\nexport declare const evidence: unknown;\n',
      },
    ];
  return [{ path: panelFileNames(format).data, text: dataFileText(format, catalog, evidence) }];
}

/** The handler folder's files as `add` names them: index.<ext> and data.<ext>. */
export function panelFileNames(format: ModuleFormat): { index: string; data: string } {
  const ext = format === 'ts' ? 'ts' : 'js';
  return { index: `${PANEL.handlerDir}/index.${ext}`, data: `${PANEL.handlerDir}/data.${ext}` };
}

/** The format of the handler file `add` wrote in `dir`, read back from it (for `build`); null when none. */
export function writtenFormat(dir: string): ModuleFormat | null {
  if (existsSync(join(dir, PANEL.handlerDir, 'index.ts'))) return 'ts';
  const js = join(dir, PANEL.handlerDir, 'index.js');
  if (!existsSync(js)) return null;
  return looksCommonJs(readFileSync(js, 'utf8')) ? 'cjs' : 'esm';
}

/** A file `add` creates in the host (the handler, its data module, the starter statement): path and text. */
export interface NewFile {
  path: string;
  text: string;
}
