import { hashCanonical } from '../../src/domain/canonical';
import type {
  CompiledStatement,
  Materiality,
  StatementCatalog,
  StatementFacts,
  StatementSource,
} from '../../src/domain/statement/types';
import { SOURCE_FORMAT } from '../../src/domain/statement/types';

/** Small, hand-made statement versions for tests that need a catalog but not the vendor's policy/. */
export const sampleFacts: StatementFacts = {
  app: { name: 'Sample App', summary: 'A sample used by the tests.' },
  vendor: { name: 'Sample Vendor' },
  contact: { email: 'privacy@example.org' },
  hosting: { model: 'forge', description: 'Runs on Atlassian.' },
  scope: { apps: [{ name: 'Sample App', hosting: 'forge' }], excludes: [] },
  dataStored: [
    {
      id: 'acknowledgment-receipts',
      name: 'Acknowledgment receipts',
      description: 'Who acknowledged which version, when.',
      purpose: 'Proof of acknowledgment',
      location: 'forge-hosted-storage',
      retention: 'until-uninstall',
      personalData: true,
    },
  ],
  dataAccessed: [],
  egress: [],
  analytics: { collected: false, description: 'None.' },
  subProcessors: [],
  access: { vendorStaff: false, description: 'Only the app code.' },
  logs: { location: 'atlassian-forge-logs', endUserData: false, description: 'No end-user data.' },
  dataResidency: { supported: true, description: 'Follows the host product.' },
  uninstall: { description: 'Deleted 28 days after uninstall.', deletedAfterDays: 28 },
  commitments: { noSale: true, noMarketingSharing: true },
  security: { measures: 'not-stated' },
  changes: { channels: ['in-app'] },
  vendorRecords: [],
  rights: [],
};

export function sampleSource(version: number, materiality: Materiality = 'material'): StatementSource {
  return {
    format: SOURCE_FORMAT,
    id: 'sample-app',
    version,
    effectiveDate: `2026-0${Math.min(version, 9)}-01`,
    change: version === 1 ? null : { summary: `Change ${version}`, materiality },
    facts: sampleFacts,
    sections: [{ id: 'overview', title: 'Overview', markdown: `Version ${version} of the text.\n` }],
  };
}

export function compiled(source: StatementSource): CompiledStatement {
  return {
    source,
    hash: hashCanonical(source),
    sections: source.sections.map((section) => ({
      id: section.id,
      title: section.title,
      blocks: [{ t: 'paragraph', c: [{ t: 'text', v: section.markdown.trim() }] }],
    })),
  };
}

/** A catalog whose version N+1 has the given materiality (index 0 is version 2). */
export function sampleCatalog(...later: Materiality[]): StatementCatalog {
  return { versions: [sampleSource(1), ...later.map((m, i) => sampleSource(i + 2, m))].map(compiled) };
}
