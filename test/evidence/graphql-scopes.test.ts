/** GraphQL documents read field by field against the scopes Atlassian's schema names (compass-graphql.json). */
import { scanFile, type Finding } from '../../toolkit/evidence/app-scan';
import { graphqlFieldScopes } from '../../toolkit/evidence/graphql-scopes';
import compass from '../../toolkit/evidence/scopes/compass-graphql.json';

test('a Compass query through a union and an inline fragment needs read:component:compass', () => {
  const query = `query one($id: ID!) {
    compass {
      component(id: $id) {
        __typename
        ... on CompassComponent { id name labels { name } }
        ... on QueryError { message }
      }
    }
  }`;
  expect(graphqlFieldScopes(query)).toEqual([['read:component:compass']]);
});

test('a mutation needs what its field names; fragments and aliases are followed', () => {
  const doc = `
    mutation send($input: CompassCreateEventInput!) {
      compass { sent: createCompassEvent(input: $input) { ...Outcome } }
    }
    fragment Outcome on CompassCreateEventsPayload { success errors { message } }`;
  expect(graphqlFieldScopes(doc)).toEqual([['write:event:compass']]);
});

test('what the facts do not cover is unknown, never "needs nothing"', () => {
  // Outside compass { … }, a field the schema facts lack, a fragment built at run time, broken syntax.
  expect(graphqlFieldScopes('{ jira { issueByKey(key: "A-1") { id } } }')).toBeNull();
  expect(graphqlFieldScopes('{ compass { noSuchField { id } } }')).toBeNull();
  expect(graphqlFieldScopes('query { compass { ${…} } }')).toBeNull();
  expect(graphqlFieldScopes('query { compass { component(id: "x") { ')).toBeNull();
});

test('the facts say where they come from', () => {
  expect(compass.derivedFrom.package).toMatch(/^@atlassian\/forge-graphql-types@\d/);
  expect(compass.derivedFrom.sha256).toMatch(/^[0-9a-f]{64}$/);
});

test('requestGraph with a constant Compass query credits the schema scope', () => {
  const text = [
    "import api from '@forge/api';",
    'const QUERY = `query { compass { componentType(cloudId: "c", id: "t") { __typename } } }`;',
    'export const run = () => api.asApp().requestGraph(QUERY);',
  ].join('\n');
  const graphql = scanFile({ path: 'src/x.ts', text, side: 'backend' }).findings.filter(
    (f): f is Extract<Finding, { type: 'graphql' }> => f.type === 'graphql',
  );
  expect(graphql.map((f) => f.scopes)).toEqual([[['read:component:compass']]]);
});
