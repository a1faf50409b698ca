/**
 * `privacy-panel marketplace [DIR]` (and `npm run marketplace:privacy` on this repository): prints the JSON
 * body of the Marketplace Privacy & Security API's PUT (`{ "appTrustInformation": … }`), built from the app's statement (compiled from DIR/policy)
 * and its manifest and code evidence (toolkit/evidence/marketplace-privacy.ts). Refuses (exit 1) while
 * `check` would fail: answers built on contradicted facts would be wrong. Exit 2 when the app or its
 * statement cannot be read.
 */
import { marketplacePrivacy } from '../evidence/marketplace-privacy';
import { checkApp } from './app-check';
import { EXIT } from './exit-codes';

export interface MarketplaceOptions {
  dir: string;
  policyDir?: string;
  factsFile?: string;
}

export function runMarketplace(options: MarketplaceOptions): number {
  const { report, facts } = checkApp(options.dir, {
    ...(options.factsFile !== undefined ? { factsFile: options.factsFile } : {}),
    ...(options.policyDir !== undefined ? { policyDir: options.policyDir } : {}),
  });
  if (!report.ok) {
    console.error('marketplace: `privacy-panel check` fails; fix these first:');
    for (const p of report.problems) console.error(`  ✗ ${p.message}`);
    return EXIT.findings;
  }
  const answers = marketplacePrivacy(facts, report.evidence);
  for (const note of answers.notes) console.error(`note: ${note}`);
  for (const field of answers.unanswered) console.error(`unanswered: ${field}`);
  console.log(JSON.stringify(answers.put, null, 2));
  console.error(
    `what the statement says that no payload field holds:\n${JSON.stringify(answers.statementAnswers, null, 2)}`,
  );
  return EXIT.ok;
}
