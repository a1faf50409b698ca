import { diffStatements } from '../../src/domain/statement/diff';
import type { StatementSource } from '../../src/domain/statement/types';
import { sourceOf } from './helpers';

describe('diffStatements', () => {
  const a = sourceOf('forge-cloud');

  it('finds nothing between a version and itself', () => {
    expect(diffStatements(a, a)).toEqual({ from: 1, to: 1, sections: [], facts: [] });
  });

  it('reports section changes with their titles', () => {
    const b: StatementSource = {
      ...a,
      version: 2,
      sections: [
        { id: 'summary', title: 'At a glance', markdown: a.sections[0]!.markdown },
        { id: 'cookies', title: 'Cookies', markdown: 'None.\n' },
      ],
    };
    const removedToo: StatementSource = { ...b, sections: [{ id: 'cookies', title: 'Cookies', markdown: 'None.\n' }] };
    expect(diffStatements(a, b).sections).toEqual([
      { kind: 'changed', id: 'summary', title: 'At a glance', previousTitle: 'In short' },
      { kind: 'added', id: 'cookies', title: 'Cookies' },
    ]);
    expect(diffStatements(a, removedToo).sections).toEqual([
      { kind: 'added', id: 'cookies', title: 'Cookies' },
      { kind: 'removed', id: 'summary', title: 'In short' },
    ]);
    const edited = { ...a, sections: [{ ...a.sections[0]!, markdown: `${a.sections[0]!.markdown}More.\n` }] };
    expect(diffStatements(a, edited).sections).toEqual([{ kind: 'changed', id: 'summary', title: 'In short' }]);
  });

  it('describes fact changes as short concrete sentences', () => {
    const facts = a.facts;
    const b: StatementSource = {
      ...a,
      version: 2,
      facts: {
        ...facts,
        dataStored: [
          { ...facts.dataStored[0]!, retention: 'Until the app is uninstalled, then 90 days' },
          {
            id: 'audit-log',
            name: 'Audit log',
            description: 'd',
            purpose: 'p',
            location: 'forge-hosted-storage',
            retention: '1 year',
            personalData: true,
          },
        ],
        egress: [{ name: 'Reports', domain: 'reports.example.com', purpose: 'p', endUserData: true }],
        analytics: { collected: true, description: facts.analytics.description },
        subProcessors: [{ name: 'Mailer Co', purpose: 'email', country: 'Ireland' }],
        uninstall: { ...facts.uninstall, deletedAfterDays: 30 },
      },
    };
    const changes = diffStatements(a, b).facts;
    expect(changes).toEqual([
      'retention of Board rules: Until the app is uninstalled, then 28 days → Until the app is uninstalled, then 90 days',
      'new data category: Audit log',
      'data category removed: Rule owners',
      'new egress destination: reports.example.com (receives end-user data)',
      'analytics are now collected',
      'new sub-processor: Mailer Co (Ireland)',
      'days until data is deleted after uninstall: 28 → 30',
    ]);
    expect(diffStatements(b, a).facts).toEqual(
      expect.arrayContaining([
        'egress destination removed: reports.example.com',
        'sub-processor removed: Mailer Co',
        'analytics are no longer collected',
        'data category removed: Audit log',
      ]),
    );
  });

  it('reports changes between two different models', () => {
    const changes = diffStatements(sourceOf('forge-cloud'), sourceOf('connect-cloud')).facts;
    expect(changes).toContain('hosting: forge → connect');
    expect(changes).toContain('new egress destination: events.tollgate.example');
    expect(changes).toContain('new sub-processor: Cloudline Hosting (Germany)');
    expect(changes).toContain('logs are now stored outside Atlassian');
  });
});
