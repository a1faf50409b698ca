/** The Custom UI entry: the panel in the page's #app element (start.tsx says in what order it loads). */
import { startPanel } from './start';

const root = document.getElementById('app');
if (root) void startPanel(root);
