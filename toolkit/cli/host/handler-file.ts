/**
 * The one small file `add` writes into a host: the panel's Forge functions, re-exported from the package
 * with the catalog and evidence `privacy-panel build` writes beside it. This repository's own src/index.ts
 * is this file with the package replaced by ./host (test/host/self-host.test.ts).
 */
export interface HandlerFileOptions {
  /** Where createPrivacyPanel comes from: `privacy-panel/forge` in a host. */
  from: string;
  /** The folder of statements.json and evidence.json, relative to the file: `.` in a host. */
  data: string;
}

export const HOST_HANDLER: HandlerFileOptions = { from: 'privacy-panel/forge', data: '.' };

/** The function exports, in manifest order: resolver, report, installed, upgraded. */
export const HANDLER_EXPORTS = ['handler', 'reportPersonalData', 'onAppInstalled', 'onAppUpgraded'] as const;

export function handlerFileText(options: HandlerFileOptions = HOST_HANDLER): string {
  return [
    "/** Privacy Panel's Forge functions. Written by `privacy-panel add`; `privacy-panel build` refreshes the data. */",
    `import { createPrivacyPanel } from '${options.from}';`,
    `import evidence from '${options.data}/evidence.json';`,
    `import catalog from '${options.data}/statements.json';`,
    '',
    'const panel = createPrivacyPanel({ catalog, evidence });',
    '',
    // One plain export per function: Forge's linter looks for `export const <name>` of each handler.
    ...HANDLER_EXPORTS.map((name) => `export const ${name} = panel.${name};`),
    '',
  ].join('\n');
}
