/** Forge entry points (manifest.yml: each `function` → `index.<export>`). */
import { bundledCatalog } from './platform/bundledCatalog';
import { createResolverHandler } from './resolvers';
import { createLifecycleTrigger } from './triggers/lifecycle';
import { createPersonalDataTrigger } from './triggers/reportPersonalData';

export const handler = createResolverHandler({ catalog: bundledCatalog });

/** Scheduled: report stored account IDs to Atlassian, erase closed ones. */
export const reportPersonalData = createPersonalDataTrigger({ catalog: bundledCatalog });

/** Lifecycle events: receipts on the chain. */
export const onAppInstalled = createLifecycleTrigger('app-installed', { catalog: bundledCatalog });
export const onAppUpgraded = createLifecycleTrigger('app-upgraded', { catalog: bundledCatalog });
