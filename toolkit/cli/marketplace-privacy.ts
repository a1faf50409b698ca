/**
 * `privacy-panel marketplace [DIR] [--policy DIR]` (and `npm run marketplace:privacy` on this repository):
 * prints the JSON body for the Marketplace Privacy & Security API, built from the app's statement (compiled
 * from DIR/policy) and its manifest and code evidence (toolkit/evidence/marketplace-privacy.ts). Refuses
 * (exit 1) while `check` would fail: answers built on contradicted facts would be wrong. Exit 2 when the app
 * or its statement cannot be read.
 *
 * Legacy flags: --root DIR (same as DIR), --facts FILE (a compiled facts file instead of policy/).
 */
import { marketplacePrivacy } from '../evidence/marketplace-privacy';
import { AppLoadError } from './app-files';
import { checkApp } from './app-check';
import { EvidenceInputError, REPO_ROOT } from './evidence-inputs';
import { parseArgs } from './evidence';

export function main(argv: readonly string[]): number {
  const args = parseArgs(argv, []);
  const text = (flag: string): string | undefined => {
    const v = args.flags.get(flag);
    return typeof v === 'string' ? v : undefined;
  };
  const dir = text('--root') ?? (argv.some((a) => !a.startsWith('--')) ? args.dir : REPO_ROOT);
  try {
    const factsFile = text('--facts');
    const policyDir = text('--policy');
    const { report, facts } = checkApp(dir, {
      ...(factsFile !== undefined ? { factsFile } : {}),
      ...(policyDir !== undefined ? { policyDir } : {}),
    });
    if (!report.ok) {
      console.error('marketplace: `privacy-panel check` fails; fix these first:');
      for (const p of report.problems) console.error(`  ✗ ${p.message}`);
      return 1;
    }
    const answers = marketplacePrivacy(facts, report.evidence);
    for (const note of answers.notes) console.error(`note: ${note}`);
    for (const field of answers.unanswered) console.error(`unanswered: ${field}`);
    console.log(JSON.stringify(answers.body, null, 2));
    console.error(
      `statement answers for the other groups (enter by hand):\n${JSON.stringify(answers.statementAnswers, null, 2)}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof EvidenceInputError || error instanceof AppLoadError) {
      console.error(`marketplace: ${error.message}`);
      return 2;
    }
    console.error(`marketplace: could not read the app: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
