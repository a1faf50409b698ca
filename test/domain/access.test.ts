import { isConfluenceAdministrator, isJiraAdministrator } from '../../src/domain/site-admin';

describe('Jira admin decision', () => {
  const yes = { permissions: { ADMINISTER: { key: 'ADMINISTER', havePermission: true } } };
  it('grants only a 200 with ADMINISTER.havePermission === true', () => {
    expect(isJiraAdministrator({ status: 200, body: yes })).toBe(true);
  });
  it.each([
    ['a non-200 status', { status: 403, body: yes }],
    ['a redirect', { status: 302, body: yes }],
    ['havePermission false', { status: 200, body: { permissions: { ADMINISTER: { havePermission: false } } } }],
    ['havePermission as a string', { status: 200, body: { permissions: { ADMINISTER: { havePermission: 'true' } } } }],
    ['no ADMINISTER entry', { status: 200, body: { permissions: {} } }],
    ['permissions as an array', { status: 200, body: { permissions: [] } }],
    ['an empty body', { status: 200, body: undefined }],
    ['a body that is a string', { status: 200, body: 'ok' }],
  ])('refuses %s', (_label, answer) => {
    expect(isJiraAdministrator(answer)).toBe(false);
  });
});

describe('Confluence admin decision', () => {
  const admin = { accountId: 'acc-1', operations: [{ operation: 'administer', targetType: 'application' }] };
  it('grants only the administer/application operation for the caller', () => {
    expect(isConfluenceAdministrator({ status: 200, body: admin }, 'acc-1')).toBe(true);
  });
  it.each([
    ['another account in the answer', { status: 200, body: admin }, 'acc-2'],
    ['a non-200 status', { status: 500, body: admin }, 'acc-1'],
    [
      'administer on a space only',
      { status: 200, body: { accountId: 'acc-1', operations: [{ operation: 'administer', targetType: 'space' }] } },
      'acc-1',
    ],
    ['no operations', { status: 200, body: { accountId: 'acc-1' } }, 'acc-1'],
    [
      'operations not an array',
      { status: 200, body: { accountId: 'acc-1', operations: { operation: 'administer' } } },
      'acc-1',
    ],
    [
      'only use operations',
      { status: 200, body: { accountId: 'acc-1', operations: [{ operation: 'use', targetType: 'application' }] } },
      'acc-1',
    ],
  ])('refuses %s', (_label, answer, caller) => {
    expect(isConfluenceAdministrator(answer, caller)).toBe(false);
  });
});
