/**
 * The preview answers the page's getContext and theme.enable() as a host does, at once: the bridge script is
 * served with the host's answers written in, read from the preview's viewpoint when the page loads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { startPreview, type PreviewHandle } from '../../dev/preview/server';
import { PREVIEW_ACCOUNTS } from '../../dev/preview/users';

let preview: PreviewHandle;
let storageDir: string;

beforeAll(async () => {
  storageDir = mkdtempSync(join(tmpdir(), 'pp-preview-host-'));
  preview = await startPreview({ port: 0, storageDir, locale: 'de-DE', timezone: 'Europe/Berlin' });
});
afterAll(async () => {
  await preview.close();
  rmSync(storageDir, { recursive: true, force: true });
});

interface Bridge {
  callBridge(name: string, args?: unknown): Promise<unknown>;
}

/** Runs the served bridge script in a sandbox with no network: any request it made would throw. */
async function servedBridge(): Promise<Bridge> {
  const script = await (await fetch(new URL('/__preview/bridge.js', preview.url))).text();
  const sandbox: { __bridge?: Bridge; fetch: () => never } = {
    fetch: () => {
      throw new Error('the bridge asked the network for an answer the host holds');
    },
  };
  runInNewContext(script, { ...sandbox, globalThis: sandbox });
  return sandbox.__bridge!;
}

test('getContext answers from the script, with the viewpoint as it is when the page loads', async () => {
  const bridge = await servedBridge();
  await expect(bridge.callBridge('getContext')).resolves.toMatchObject({
    accountId: PREVIEW_ACCOUNTS.ada,
    locale: 'de-DE',
    timezone: 'Europe/Berlin',
    extension: { type: 'jira:adminPage' },
  });

  preview.state.update({ locale: 'en-GB', accountId: PREVIEW_ACCOUNTS.nora, theme: 'dark' });
  const reloaded = await servedBridge();
  await expect(reloaded.callBridge('getContext')).resolves.toMatchObject({
    accountId: PREVIEW_ACCOUNTS.nora,
    locale: 'en-GB',
  });
});

test('the answers are written in as JSON in place of the marker, the theme beside the context', async () => {
  preview.state.update({ locale: 'en-GB', theme: 'dark' });
  const script = await (await fetch(new URL('/__preview/bridge.js', preview.url))).text();
  const answers = /var HOST = (\{.*\});/.exec(script)?.[1];
  expect(answers).toBeDefined();
  expect(JSON.parse(answers!)).toMatchObject({ context: { locale: 'en-GB' }, theme: { colorMode: 'dark' } });
  expect(script).not.toContain('/*__PREVIEW_HOST__*/');
});
