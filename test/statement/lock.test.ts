import { hashCanonical } from '../../src/domain/canonical';
import { publication } from '../../toolkit/statement/lock';
import { checkPolicy, publishedCatalog, type PolicyFiles } from '../../toolkit/statement/policy';
import { lineContaining, replaceOnce, fixtureFiles } from './helpers';

function base(): PolicyFiles {
  return { ...fixtureFiles('forge-cloud'), dir: 'policy' };
}

/** Publishes the current version in memory, as `npm run policy:publish` does on disk. */
function publish(files: PolicyFiles): PolicyFiles {
  const check = checkPolicy(files);
  expect(check.problems).toEqual([]);
  expect(check.status).toBe('new');
  const entries = files.lockText === undefined ? [] : (JSON.parse(files.lockText) as { versions: [] }).versions;
  const out = publication(check.current!, entries);
  return {
    ...files,
    lockText: out.lockText,
    snapshotTexts: { ...files.snapshotTexts, [out.snapshotName]: out.snapshotText },
  };
}

function editStatement(files: PolicyFiles, edit: (t: string) => string): PolicyFiles {
  return { ...files, statementText: edit(files.statementText ?? '') };
}

const toV2 = (t: string) =>
  replaceOnce(
    replaceOnce(
      t,
      'version: 1\n',
      'version: 2\nchange:\n  summary: Clarified the website section.\n  materiality: editorial\n',
    ),
    "'2025-07-21'",
    "'2025-09-01'",
  );

describe('published versions are immutable', () => {
  it('a new statement is ready to publish, and published once it is in the lock', () => {
    expect(checkPolicy(base()).status).toBe('new');
    const published = publish(base());
    const check = checkPolicy(published);
    expect(check.problems).toEqual([]);
    expect(check.status).toBe('published');
    const lock = JSON.parse(published.lockText!) as {
      versions: { version: number; hash: string; effectiveDate: string }[];
    };
    expect(lock.versions).toEqual([{ version: 1, hash: check.hash, effectiveDate: '2025-07-21' }]);
    expect(hashCanonical(JSON.parse(published.snapshotTexts['v1.json']!))).toBe(check.hash);
  });

  it('fails with version-not-bumped when published text changes without a new version', () => {
    const published = publish(base());
    const edited = {
      ...published,
      sectionTexts: {
        ...published.sectionTexts,
        'sections/summary.md': `${published.sectionTexts['sections/summary.md']}\nOne more line.\n`,
      },
    };
    const check = checkPolicy(edited);
    expect(check.status).toBeUndefined();
    expect(check.problems).toEqual([
      {
        file: 'policy/statement.yml',
        line: lineContaining(edited.statementText!, 'version: 1'),
        rule: 'version-not-bumped',
        message: 'the text of version 1 changed after it was published; give it a new version (2)',
      },
    ]);
  });

  it('a one-word change to a fact also needs a new version', () => {
    const edited = editStatement(publish(base()), (t) =>
      replaceOnce(t, "Only the apps' own operations.", "Only the apps' own work."),
    );
    expect(checkPolicy(edited).problems.map((p) => p.rule)).toEqual(['version-not-bumped']);
  });

  it('accepts the next version, and the catalog then holds both, oldest first', () => {
    const v2 = publish(editStatement(publish(base()), toV2));
    const check = checkPolicy(v2);
    expect(check.status).toBe('published');
    expect(publishedCatalog(check).versions.map((v) => v.source.version)).toEqual([1, 2]);
  });

  it('fails with published-version-tampered when a snapshot no longer matches its lock entry', () => {
    const published = publish(base());
    const tampered = {
      ...published,
      snapshotTexts: { 'v1.json': published.snapshotTexts['v1.json']!.replace('Only the apps', 'Only the app') },
    };
    const problems = checkPolicy(tampered).problems;
    expect(problems.map((p) => [p.rule, p.file])).toEqual([['published-version-tampered', 'policy/versions/v1.json']]);
  });

  it('fails when a lock entry has no snapshot, or a snapshot no lock entry', () => {
    const published = publish(base());
    expect(checkPolicy({ ...published, snapshotTexts: {} }).problems.map((p) => p.rule)).toEqual([
      'published-version-missing',
    ]);
    const v2 = publish(editStatement(published, toV2));
    const stray = {
      ...published,
      snapshotTexts: { ...published.snapshotTexts, 'v2.json': v2.snapshotTexts['v2.json']! },
    };
    expect(checkPolicy(stray).problems.map((p) => [p.rule, p.file])).toEqual([
      ['snapshot-unlisted', 'policy/versions/v2.json'],
    ]);
  });

  it('a new version must be exactly the last plus one', () => {
    const skipped = editStatement(publish(base()), (t) => replaceOnce(toV2(t), 'version: 2', 'version: 3'));
    expect(checkPolicy(skipped).problems.map((p) => p.rule)).toEqual(['version-skipped']);
  });

  it('an older version than the latest published is refused', () => {
    const v2 = publish(editStatement(publish(base()), toV2));
    const back = { ...v2, statementText: base().statementText };
    expect(checkPolicy(back).problems.map((p) => p.rule)).toEqual(['version-behind-lock']);
  });

  it('effective dates never go backwards', () => {
    const earlier = editStatement(publish(base()), (t) => replaceOnce(toV2(t), "'2025-09-01'", "'2025-07-20'"));
    const problems = checkPolicy(earlier).problems;
    expect(problems.map((p) => [p.rule, p.line])).toEqual([
      ['effective-date-decreasing', lineContaining(earlier.statementText!, 'effectiveDate')],
    ]);
  });

  it('lock versions run 1, 2, 3 in order, and a malformed lock is reported', () => {
    const published = publish(base());
    const renumbered = { ...published, lockText: published.lockText!.replace('"version": 1', '"version": 2') };
    expect(checkPolicy(renumbered).problems.map((p) => p.rule)).toContain('lock-not-consecutive');
    const broken = checkPolicy({ ...published, lockText: '{ "versions": [' });
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(new Set(broken.problems.map((p) => p.rule))).toEqual(new Set(['lock-invalid']));
    expect(broken.status).toBeUndefined();
    expect(
      checkPolicy({ ...published, lockText: '{ "versions": [], "extra": 1 }' }).problems.map((p) => p.rule),
    ).toContain('lock-invalid');
  });
});
