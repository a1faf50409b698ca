/** Forge entry points (manifest.yml: function `resolver` → `index.handler`). */
import { bundledCatalog } from './platform/bundledCatalog';
import { createResolverHandler } from './resolvers';

export const handler = createResolverHandler({ catalog: bundledCatalog });
