import { diffStatements } from '../../src/domain/statement/diff';
import type { CurrentStatementSource, StatementSource } from '../../src/domain/statement/types';
import { listed, sourceOf } from './helpers';

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

  it('describes fact changes as short concrete sentences, not-stated included', () => {
    const facts = a.facts;
    const b: CurrentStatementSource = {
      ...a,
      version: 2,
      facts: {
        ...facts,
        dataStored: [
          { ...listed(facts.dataStored)[0]!, retention: { days: 90 }, personalData: true },
          {
            id: 'audit-log',
            name: 'Audit log',
            description: 'd',
            purpose: 'p',
            location: 'forge-hosted-storage',
            retention: 'until-uninstall',
            personalData: true,
          },
        ],
        egress: [{ name: 'Reports', domain: 'reports.vendor.dev', purpose: 'p', endUserData: true }],
        analytics: { collected: true, description: facts.analytics.description },
        subProcessors: [{ name: 'Mailer Co', purpose: 'email', country: 'not-stated' }],
        access: { vendorStaff: 'not-stated' },
        uninstall: { ...facts.uninstall, deletedAfterDays: 30 },
      },
    };
    const changes = diffStatements(a, b).facts;
    expect(changes).toEqual([
      'retention of App data: not stated → 90 days',
      'personal data in App data: not stated → yes',
      'new data category: Audit log',
      'new egress destination: reports.vendor.dev (receives end-user data)',
      'analytics collected: not stated → yes',
      'new sub-processor: Mailer Co (not stated)',
      'vendor staff can reach stored data: no → not stated',
      'access description changed',
      'days until data is deleted after uninstall: not stated → 30',
    ]);
    expect(diffStatements(b, a).facts).toEqual(
      expect.arrayContaining([
        'egress: reports.vendor.dev/Reports → not stated',
        'sub-processors: Mailer Co → not stated',
        'analytics collected: yes → not stated',
        'data category removed: Audit log',
      ]),
    );
  });

  it('reports changes between two different models', () => {
    const changes = diffStatements(sourceOf('forge-cloud'), sourceOf('connect-cloud')).facts;
    expect(changes).toContain('hosting: forge → connect');
    expect(changes).toContain('new egress destination: not stated');
    expect(changes).toContain('analytics collected: not stated → yes');
    expect(changes).toContain('no sale of data: yes → not stated');
  });
});
