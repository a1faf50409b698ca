/** Claims backed by evidence: the public surface. */
export * from '../../src/domain/evidence/types';
export { readManifestFacts, InvalidManifestError, hostOf } from './manifest-facts';
export { runsOnAtlassian, dataResidency } from './eligibility';
export { appEvidence, appEvidenceDetail, type AppEvidenceDetail, type AppInputs } from './app-evidence';
export { scanFile } from './app-scan';
export { matchRoute, type RouteFacts } from './route-scopes';
export { checkStatement } from './statement-checks';
export { checkInventory, INVENTORY, DEFAULT_SOURCE_NAMES, type SourceNames } from './inventory-checks';
export { buildClaims } from './claims';
export { runChecks, type CheckInputs } from './run-checks';
export {
  marketplacePrivacy,
  type MarketplacePrivacyBody,
  type MarketplacePrivacyPut,
  type MarketplacePrivacyAnswers,
} from './marketplace-privacy';
