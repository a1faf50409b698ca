/**
 * `npm run marketplace:privacy`: prints the JSON body for the Marketplace Privacy & Security API, built from
 * the statement facts and the manifest/code evidence (toolkit/evidence/marketplace-privacy.ts). Refuses
 * while `npm run check` would fail: answers built on contradicted facts would be wrong.
 *
 * Usage: tsx scripts/marketplace-privacy.ts [--root DIR] [--facts FILE]
 */
import { marketplacePrivacy } from '../evidence/marketplace-privacy';
import { runChecks } from '../evidence/run-checks';
import { EvidenceInputError, loadEvidenceInputs, REPO_ROOT } from './evidence-inputs';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): number {
  try {
    const factsFile = arg('--facts');
    const inputs = loadEvidenceInputs(arg('--root') ?? REPO_ROOT, factsFile === undefined ? {} : { factsFile });
    const report = runChecks(inputs);
    if (!report.ok) {
      console.error('marketplace:privacy: `npm run check` fails; fix these first:');
      for (const p of report.problems) console.error(`  ✗ ${p.message}`);
      return 1;
    }
    const answers = marketplacePrivacy(inputs.facts, report.evidence);
    for (const note of answers.notes) console.error(`note: ${note}`);
    console.log(JSON.stringify(answers.body, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof EvidenceInputError) {
      console.error(`marketplace:privacy: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) process.exitCode = main();
