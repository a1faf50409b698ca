import type { Evidence } from '../../src/domain/evidence/types';
import type { StatementCatalog } from '../../src/domain/statement/types';
// Both written by the build from policy/, manifest.yml and src/ (npm run build:policy, npm run evidence:check).
import evidence from '../../src/generated/evidence.json';
import catalog from '../../src/generated/statements.json';

/** Every published statement version, compiled and hashed. */
export const bundledCatalog: StatementCatalog = catalog as StatementCatalog;

/** What the build proved about this app from its manifest, code and data inventory. */
export const bundledEvidence: Evidence = evidence as Evidence;
