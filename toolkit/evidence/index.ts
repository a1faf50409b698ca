/** Claims backed by evidence: the public surface. */
export * from '../../src/domain/evidence/types';
export {
  API_RULES,
  PRODUCT_PATH_RULES,
  MANIFEST_SCOPE_RULES,
  type ApiRule,
  type PathRule,
  type Need,
} from './api-rules';
export { readManifestFacts, InvalidManifestError, hostOf } from './manifest-facts';
export { runsOnAtlassian, dataResidency } from './eligibility';
export { analyzeScopes } from './scope-checks';
export { checkStatement } from './statement-checks';
export { checkInventory, INVENTORY, DEFAULT_SOURCE_NAMES, type SourceNames } from './inventory-checks';
export { buildClaims } from './claims';
export { runChecks, type CheckInputs } from './run-checks';
export { marketplacePrivacy, type MarketplacePrivacyBody, type MarketplacePrivacyAnswers } from './marketplace-privacy';
