/** Every name `add` gives the panel in a host's manifest and files; `remove` and the tests read the same table. */
export const PANEL = {
  jiraPage: 'privacy-panel-jira',
  confluencePage: 'privacy-panel-confluence',
  resource: 'privacy-panel',
  resourcePath: 'static/privacy-panel',
  /** Function keys: at most 23 characters (@forge/manifest). */
  resolverFunction: 'privacy-panel-resolver',
  reportFunction: 'privacy-panel-report',
  installedFunction: 'privacy-panel-installed',
  upgradedFunction: 'privacy-panel-upgraded',
  reportTrigger: 'privacy-panel-personal-data',
  installedTrigger: 'privacy-panel-on-installed',
  upgradedTrigger: 'privacy-panel-on-upgraded',
  /** The handler file's folder under src/, and its module path in `handler: privacy-panel/index.<export>`. */
  handlerDir: 'src/privacy-panel',
  handlerModule: 'privacy-panel/index',
  title: 'Privacy Panel',
  /** The sub-page route on a host's own Custom UI admin page. */
  route: 'privacy-panel',
  script: 'build:privacy-panel',
  scriptCommand: 'privacy-panel build',
} as const;

/** The mark `add` leaves in the statement it starts: `privacy-panel check` fails while any remains. */
export const UNWRITTEN = 'TODO(privacy-panel)';
