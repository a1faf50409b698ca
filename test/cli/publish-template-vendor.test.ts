/**
 * The template's vendor name ("Privacy Panel contributors") is refused by `publish` and `build` for deploy in
 * every app but the one whose own package.json is named `privacy-panel`: this repository, which owns the
 * template. The same policy folder is tried under each package name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FindingsError } from '../../toolkit/cli/exit-codes';
import { POLICY_DIR, readPolicyFiles, templateVendorProblem } from '../../toolkit/cli/policy-files';
import { publishPolicy } from '../../toolkit/cli/policy-publish';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** This repository's policy folder, copied into an app whose package.json says `packageJson` (or none). */
function appWithTemplate(packageJson: string | undefined): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-template-'));
  dirs.push(dir);
  fs.cpSync(POLICY_DIR, path.join(dir, 'policy'), { recursive: true });
  if (packageJson !== undefined) fs.writeFileSync(path.join(dir, 'package.json'), packageJson);
  return dir;
}

const policyOf = (dir: string) => ({ ...readPolicyFiles(path.join(dir, 'policy')), dir: 'policy' });

function publishError(dir: string): string {
  try {
    publishPolicy(dir);
  } catch (error) {
    if (error instanceof FindingsError) return error.message;
    throw error;
  }
  throw new Error('publish was not refused');
}

describe('the template vendor name', () => {
  it.each([
    ['a host named otherwise', '{ "name": "sprint-rules" }'],
    ['a host without a name', '{ "private": true }'],
    ['a host whose package.json is not JSON', '{ name: privacy-panel'],
    ['a folder without package.json', undefined],
  ])('is refused in %s, naming the field and its line, and nothing is written', (_, packageJson) => {
    const dir = appWithTemplate(packageJson);
    const problem = templateVendorProblem(policyOf(dir), dir);
    expect(problem).toMatchObject({ file: 'policy/statement.yml', rule: 'placeholder-vendor' });
    expect(problem?.message).toMatch(/facts\.vendor\.name is the template's vendor name/);
    const lock = fs.readFileSync(path.join(dir, 'policy/published.lock.json'), 'utf8');
    expect(publishError(dir)).toMatch(/policy\/statement\.yml:\d+: \[placeholder-vendor\]/);
    expect(fs.readFileSync(path.join(dir, 'policy/published.lock.json'), 'utf8')).toBe(lock);
  });

  it('is accepted where the package is privacy-panel itself, wherever that folder is', () => {
    const dir = appWithTemplate('{ "name": "privacy-panel", "version": "9.9.9" }');
    expect(templateVendorProblem(policyOf(dir), dir)).toBeUndefined();
    // Publish still refuses, for the statement's own reason (its version is published), not the vendor name.
    expect(publishError(dir)).not.toMatch(/placeholder-vendor/);
    expect(publishError(dir)).toMatch(/version-already-published/);
  });

  it("is accepted in this repository's own folder", () => {
    const repo = path.dirname(POLICY_DIR);
    expect(templateVendorProblem(policyOf(repo), repo)).toBeUndefined();
  });
});
