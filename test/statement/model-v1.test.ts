import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashCanonical } from '../../src/domain/canonical';
import { diffStatements } from '../../src/domain/statement/diff';
import { factsOf } from '../../src/domain/statement/facts';
import { parseSnapshot } from '../../toolkit/statement/lock';
import { checkPolicy } from '../../toolkit/statement/policy';
import { POLICY_DIR, readPolicyFiles } from '../../toolkit/cli/policy-files';
import { listed } from './helpers';

const v1Text = readFileSync(join(POLICY_DIR, 'versions', 'v1.json'), 'utf8');
const lock = JSON.parse(readFileSync(join(POLICY_DIR, 'published.lock.json'), 'utf8')) as {
  versions: { version: number; hash: string }[];
};

describe('version 1 of the model: published sources stay valid, read as published', () => {
  const { source, problems } = parseSnapshot(v1Text, 'policy/versions/v1.json');

  it('v1.json parses with the version 1 reader and keeps its published hash', () => {
    expect(problems).toEqual([]);
    expect(source?.format).toBeUndefined();
    expect(hashCanonical(source)).toBe('9d1fd75d6021cba2420fca053c3458aa10d4e797da81b13c147635b419f1ddc7');
    expect(lock.versions[0]?.hash).toBe(hashCanonical(source));
  });

  it('its facts come forward to the current model, with not-stated for what version 1 could not say', () => {
    const facts = factsOf(source!);
    expect(facts.contact).toEqual({ email: 'privacy@example.org' });
    expect(listed(facts.dataStored)[0]?.retention).toEqual({
      text: expect.stringMatching(/^Until the app is uninstalled/),
    });
    expect(facts.access).toEqual({ vendorStaff: 'not-stated' });
    expect(facts.logs.location).toBe('atlassian-forge-logs');
    expect(facts.commitments).toEqual({ noSale: 'not-stated', noMarketingSharing: 'not-stated' });
    expect(facts.scope.apps).toEqual([{ name: 'Privacy Panel', hosting: 'forge' }]);
    expect([facts.vendorRecords, facts.rights]).toEqual([[], []]);
  });

  it('a current-format snapshot is refused by the version 1 reader and the reverse: no mixing', () => {
    const mixed = JSON.parse(v1Text) as Record<string, unknown>;
    mixed['format'] = 2;
    expect(parseSnapshot(JSON.stringify(mixed), 'v1.json').problems[0]?.rule).toBe('snapshot-invalid');
  });

  it('the diff from version 1 to version 2 of this app names what the new model states', () => {
    const check = checkPolicy(readPolicyFiles(POLICY_DIR));
    const diff = diffStatements(source!, check.current!);
    expect(diff.facts).toEqual(
      expect.arrayContaining([
        'contact: privacy@example.org → not stated',
        'vendor staff can reach stored data: not stated → no',
        'no sale of data: not stated → yes',
      ]),
    );
    expect(diff.facts).not.toContain('hosting: forge → forge');
  });
});
