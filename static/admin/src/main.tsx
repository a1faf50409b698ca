/**
 * Entry point. The one getDisclosure call starts at once, in parallel with theming and the context;
 * the first render waits for the host theme so design tokens are in place when the page first paints.
 */
import { render } from 'preact';
import { api, enableTheme, loadLocality } from './api';
import { App } from './App';

const first = api.getDisclosure();
const root = document.getElementById('app');

if (root) {
  void Promise.all([enableTheme(), loadLocality()]).then(([, where]) => {
    render(<App first={first} where={where} />, root);
  });
}
