/**
 * The house boundaries (eslint.boundaries.cjs) are enforced by lint: a forbidden import fails, an allowed one
 * passes. The probes are linted as text at the paths they would have, with the boundary rules alone.
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the rules live in a CommonJS file shared with eslint.config.mjs
const boundaries = require('../../eslint.boundaries.cjs') as ESLint.Options['overrideConfig'];

const ROOT = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: boundaries });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  // A probe that does not parse would pass the "allowed" cases vacuously.
  expect(result.messages.filter((m) => m.fatal === true)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test.each([
  ['src/domain/probe.ts', "import { thing } from '@forge/kvs';", 'forge:'],
  ['src/domain/acknowledgments/probe.ts', "import { thing } from '../../platform/kvsStore';", 'platform:'],
  ['src/domain/probe.ts', "import { thing } from '../resolvers/guard';", 'resolvers:'],
  ['src/domain/probe.ts', "import { thing } from '../../toolkit/statement/compile';", 'toolkit:'],
  ['src/resolvers/probe.ts', "import { thing } from '../../dev/emulator';", 'dev:'],
  ['src/platform/probe.ts', "import { thing } from '../../test/support/app';", 'test:'],
  ['toolkit/cli/probe.ts', "import { thing } from '../../src/platform/kvs-store';", 'platform:'],
  ['static/admin/src/probe.ts', "import { thing } from '../../../src/domain/statement/types';", 'page:'],
  ['static/admin/src/probe.ts', "import { thing } from '../../../toolkit/statement/compile';", 'page:'],
  ['scripts/bench/probe.ts', "import { thing } from '../../test/browser/harness';", 'test:'],
])('%s: `%s` is refused (%s)', async (file, code, reason) => {
  const messages = await restrictedImports(file, `${code}\nexport const probe = thing;\n`);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toContain(reason);
});

test.each([
  ['src/domain/acknowledgments/probe.ts', "import { thing } from '../receipts/types';"],
  ['src/platform/probe.ts', "import { thing } from '@forge/kvs';"],
  ['toolkit/evidence/probe.ts', "import { thing } from '../../src/domain/statement/types';"],
  ['static/admin/src/probe.ts', "import { thing } from '../../../src/contract';"],
  ['static/admin/src/export/probe.ts', "import { thing } from '../../../../toolkit/export/bundle';"],
])('%s: `%s` is allowed', async (file, code) => {
  expect(await restrictedImports(file, `${code}\nexport const probe = thing;\n`)).toEqual([]);
});
