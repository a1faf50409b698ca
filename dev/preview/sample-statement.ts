/**
 * A stand-in statement for when `npm run build:policy` has not produced src/generated/statements.json
 * (for instance policy/ is still empty). The preview prefers the real, bundled catalog.
 */
import type { StatementSource } from '../../src/domain/statement/types';

export const SAMPLE_STATEMENT: StatementSource = {
  id: 'privacy-panel',
  version: 1,
  effectiveDate: '2026-11-01',
  change: null,
  facts: {
    app: { name: 'Privacy Panel', summary: 'Shows how this app handles data, and who acknowledged it.' },
    vendor: { name: 'Example Vendor Ltd', website: 'https://example.com', country: 'GB' },
    contact: { email: 'privacy@example.com' },
    hosting: { model: 'forge', description: 'Runs entirely on Atlassian Forge; data is kept in Forge hosted storage.' },
    dataStored: [
      {
        id: 'acknowledgments',
        name: 'Acknowledgment receipts',
        description: 'Which site admin acknowledged which statement version, and when.',
        purpose: 'To prove the statement was read and accepted.',
        location: 'forge-hosted-storage',
        retention: 'Until the app is uninstalled',
        personalData: true,
      },
    ],
    dataAccessed: [{ name: 'The caller\'s admin permission', purpose: 'Only admins may acknowledge.' }],
    egress: [],
    analytics: { collected: false, description: 'The app collects no analytics.' },
    subProcessors: [],
    logs: { endUserData: false, storedOutsideAtlassian: false, description: 'Function logs hold no personal data.' },
    dataResidency: { supported: true, description: 'Data follows the site\'s Forge data residency.' },
    uninstall: { description: 'Forge deletes the app\'s storage after uninstall.', deletedAfterDays: 28 },
  },
  sections: [
    {
      id: 'overview',
      title: 'Overview',
      markdown:
        'This statement explains what **Privacy Panel** stores and why.\n\n## What we keep\n\nOnly acknowledgment receipts:\n\n- who acknowledged\n- which version\n- when\n\n### Format\n\n| Field | Meaning |\n| --- | --- |\n| `accountId` | The Atlassian account |\n| `at` | The time |\n',
    },
    {
      id: 'contact',
      title: 'Contact',
      markdown: 'Write to [our privacy team](https://example.com/privacy).\n\n> We answer within 30 days.\n',
    },
  ],
};
