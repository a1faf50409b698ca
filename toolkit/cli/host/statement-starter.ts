/**
 * The statement `add` starts in a host's policy/: what the manifest proves (egress, storage, scopes, the
 * panel's own records) is filled in; everything only the vendor knows says `TODO(privacy-panel)` (or uses a
 * `.invalid` address), so `privacy-panel check` fails until the vendor has written it.
 */
import { join, relative } from 'node:path';
import YAML from 'yaml';
import { NOT_STATED } from '../../../src/domain/statement/types';
import { JSON_SCHEMA_FILE } from '../../statement/policy';
import { packageRoot } from '../package-info';
import type { ManifestFacts } from '../../../src/domain/evidence/types';
import type { HostApp } from './host-app';
import { UNWRITTEN } from './panel-names';
import type { NewFile } from './handler-file';

const todo = (what: string): string => `${UNWRITTEN}: ${what}`;

function appName(app: HostApp): string {
  const name = app.packageJson?.['name'];
  const raw =
    typeof name === 'string' && name ? name.replace(/^@[^/]+\//, '') : (app.dir.split(/[\\/]/).pop() ?? 'app');
  return raw
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function kebab(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'app'
  );
}

const EGRESS_HOST = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The data categories: what the manifest shows the host stores (to be described), then the panel's receipts. */
function dataStored(m: ManifestFacts): Record<string, unknown>[] {
  const hostData = m.storage.map((use) => ({
    id: `app-data-${use.kind}`,
    name: todo(
      `what the app keeps in ${use.kind === 'kvs' ? 'Forge key-value storage' : use.kind === 'sql' ? 'Forge SQL' : 'Forge custom entities'}`,
    ),
    description: todo(`each kind of record and its keys (the manifest shows: ${use.declaredBy})`),
    purpose: todo('why the app keeps it'),
    location: 'forge-hosted-storage',
    retention: { text: todo('how long it is kept, e.g. until the app is uninstalled, then 28 days') },
    personalData: true,
  }));
  return [
    ...hostData,
    {
      id: 'acknowledgment-receipts',
      name: 'Acknowledgment receipts',
      description:
        'One record per acknowledgment of this statement: the version and its hash, the account ID of the admin, the time and the product, chained by hashes; plus the app install and upgrade events.',
      purpose: 'Shows which site admin acknowledged which version of this statement, and when.',
      location: 'forge-hosted-storage',
      retention: {
        text: 'Until the app is uninstalled, then 28 days. A closed account’s ID is removed within about 7 days.',
      },
      personalData: true,
    },
  ];
}

/** What the panel reads (not stored), and what each declared scope lets the app reach (to be described). */
function dataAccessed(m: ManifestFacts): Record<string, unknown>[] {
  return [
    {
      name: 'Whether the caller is a site administrator',
      purpose: 'Decides who may acknowledge this statement and see who did. Read on each request; not stored.',
    },
    {
      name: 'Display names of acknowledging accounts',
      purpose: 'Shown next to each receipt, fetched in the admin’s browser as that admin; not stored.',
    },
    ...m.scopes.map((scope) => ({
      name: todo(`what the scope ${scope} lets the app read or change`),
      purpose: todo('why the app needs it'),
    })),
  ];
}

/** The statement's facts: proved ones filled in, the rest marked for the vendor to write. */
function facts(app: HostApp, m: ManifestFacts): Record<string, unknown> {
  const name = appName(app);
  const egressHosts = [...new Set(m.egress.map((e) => e.host).filter((h): h is string => h !== null))];
  return {
    app: { name, summary: todo('one sentence on what the app does') },
    vendor: { name: todo('your company name'), website: 'https://vendor.invalid' },
    contact: { email: 'privacy@vendor.invalid' },
    scope: { apps: [{ name, hosting: 'forge' }], excludes: [] },
    hosting: {
      model: 'forge',
      description:
        m.remotes.length === 0
          ? 'Built on Atlassian Forge: Atlassian hosts and runs the code and its storage.'
          : todo(`where the remote services run (${m.remotes.map((r) => r.key).join(', ')})`),
    },
    dataStored: dataStored(m),
    dataAccessed: dataAccessed(m),
    egress: egressHosts.map((host) => ({
      name: todo(`who runs ${host}`),
      domain: EGRESS_HOST.test(host) ? host : 'destination.invalid',
      purpose: todo(`what the app sends to ${host}, and why`),
      endUserData: true,
    })),
    analytics: {
      // Declared analytics egress proves collection; its absence proves nothing about the code.
      collected: m.egress.some((e) => e.category === 'analytics') ? true : NOT_STATED,
      description: todo('whether the app collects usage analytics, and which'),
    },
    subProcessors: [
      {
        name: todo('each third party that processes data for you; delete this entry if there is none'),
        purpose: todo('what it does with the data'),
        country: NOT_STATED,
      },
    ],
    access: { vendorStaff: 'not-stated', description: todo('who at your company can reach what the app stores') },
    logs: {
      location: m.remotes.length > 0 || egressHosts.length > 0 ? 'not-stated' : 'atlassian-forge-logs',
      endUserData: NOT_STATED,
      description: todo('what the app logs, whether that includes end-user data, and where the logs go'),
    },
    dataResidency: {
      supported: m.remotes.length === 0 && egressHosts.length === 0,
      description: todo('how data residency applies to what the app stores'),
    },
    uninstall: {
      description: 'When the app is uninstalled, Forge keeps its stored data for 28 days and then deletes it.',
      deletedAfterDays: 28,
    },
    commitments: { noSale: 'not-stated', noMarketingSharing: 'not-stated' },
    security: { measures: [todo('how you protect the data, e.g. who may deploy the app')] },
    changes: { channels: ['in-app'], description: 'A new version of this statement appears in the app.' },
    vendorRecords: [],
    rights: [],
  };
}

/** policy/statement.yml and one section, as new files. */
export function starterStatementFiles(app: HostApp, manifest: ManifestFacts, today: string): NewFile[] {
  const name = appName(app);
  const statement = {
    id: kebab(name),
    version: 1,
    effectiveDate: today,
    facts: facts(app, manifest),
    sections: [{ id: 'overview', title: 'Overview', file: 'sections/overview.md' }],
  };
  // The schema the package ships, as a path from policy/ (the editor's yaml-language-server reads it).
  const schema = relative(join(app.dir, 'policy'), join(packageRoot(), 'policy', JSON_SCHEMA_FILE))
    .split('\\')
    .join('/');
  const header = [
    `# yaml-language-server: $schema=${schema}`,
    `# The data-handling statement of ${name}, shown by Privacy Panel. Started by \`privacy-panel add\` from`,
    '# what manifest.yml proves (egress, storage, scopes). Write every answer marked TODO and every address in',
    '# the reserved "invalid" domain: `privacy-panel check` fails until none is left. Then `privacy-panel publish`',
    '# records the version, and `privacy-panel build` compiles it for `forge deploy`.',
    '',
  ].join('\n');
  return [
    { path: 'policy/statement.yml', text: header + YAML.stringify(statement, { lineWidth: 0 }) },
    {
      path: 'policy/sections/overview.md',
      text: `${todo(`a few paragraphs: what ${name} stores, why, and who can reach it.`)}\n`,
    },
  ];
}
