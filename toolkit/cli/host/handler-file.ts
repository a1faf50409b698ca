/**
 * The one small file `add` writes into a host: the panel's Forge functions, re-exported from the package
 * with the catalog and evidence `privacy-panel build` writes beside it. This repository's own src/index.ts
 * is this file with the package replaced by ./host (test/host/self-host.test.ts).
 */
import { DEFAULT_KEY_PREFIX } from '../../../src/domain/key-prefix';

export interface HandlerFileOptions {
  /** Where createPrivacyPanel comes from: `privacy-panel/forge` in a host. */
  from: string;
  /** The folder of statements.json and evidence.json, relative to the file: `.` in a host. */
  data: string;
  /** The panel's KVS key prefix; written only when it is not the default `pp:`. */
  keyPrefix?: string;
}

export const HOST_HANDLER: HandlerFileOptions = { from: 'privacy-panel/forge', data: '.' };

/** The function exports, in manifest order: resolver, report, installed, upgraded. */
export const HANDLER_EXPORTS = ['handler', 'reportPersonalData', 'onAppInstalled', 'onAppUpgraded'] as const;

/** What the handler file (or the sub-page's register line) passes: the prefix only when not the default. */
export function panelData(keyPrefix: string | undefined): string {
  return keyPrefix === undefined || keyPrefix === DEFAULT_KEY_PREFIX
    ? 'catalog, evidence'
    : `catalog, evidence, keyPrefix: '${keyPrefix}'`;
}

export function handlerFileText(options: HandlerFileOptions = HOST_HANDLER): string {
  return [
    "/** Privacy Panel's Forge functions. Written by `privacy-panel add`; `privacy-panel build` refreshes the data. */",
    `import { createPrivacyPanel } from '${options.from}';`,
    `import evidence from '${options.data}/evidence.json';`,
    `import catalog from '${options.data}/statements.json';`,
    '',
    `const panel = createPrivacyPanel({ ${panelData(options.keyPrefix)} });`,
    '',
    // One plain export per function: Forge's linter looks for `export const <name>` of each handler.
    ...HANDLER_EXPORTS.map((name) => `export const ${name} = panel.${name};`),
    '',
  ].join('\n');
}
