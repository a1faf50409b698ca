import type { StatementCatalog } from '../domain/statement/types';
// Written by `npm run build:policy` from policy/: every published version, compiled and hashed.
import catalog from '../generated/statements.json';

export const bundledCatalog: StatementCatalog = catalog as StatementCatalog;
