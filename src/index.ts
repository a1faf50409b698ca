/** Privacy Panel's Forge functions. Written by `privacy-panel add`; `privacy-panel build` refreshes ./data. */
import { createPrivacyPanel } from 'privacy-panel/forge';
import evidence from './generated/evidence.json';
import catalog from './generated/statements.json';

const panel = createPrivacyPanel({ catalog, evidence });

export const handler = panel.handler;
export const reportPersonalData = panel.reportPersonalData;
export const onAppInstalled = panel.onAppInstalled;
export const onAppUpgraded = panel.onAppUpgraded;
