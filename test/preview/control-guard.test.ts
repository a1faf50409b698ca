/**
 * The preview's control endpoint can only be driven by the control page the preview served: the right
 * Host (no DNS rebinding), the same Origin (no other local page), JSON (no text/plain no-cors POST), and
 * the per-run token from that page.
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview, type PreviewHandle } from '../../dev/preview/server';
import { TOKEN_HEADER } from '../../dev/preview/guard';

let preview: PreviewHandle;
let storageDir: string;
let port: number;
let token: string;

interface Answer {
  status: number;
  body: string;
}

function send(method: string, path: string, headers: Record<string, string>, body = ''): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const self = () => `127.0.0.1:${port}`;
const themeBody = JSON.stringify({ action: 'theme', value: 'dark' });
const json = (extra: Record<string, string> = {}) => ({
  host: self(),
  origin: `http://${self()}`,
  'content-type': 'application/json',
  [TOKEN_HEADER]: token,
  ...extra,
});

beforeAll(async () => {
  storageDir = mkdtempSync(join(tmpdir(), 'pp-preview-guard-'));
  preview = await startPreview({ port: 0, storageDir });
  port = Number(new URL(preview.url).port);
  const shell = await send('GET', '/', { host: self() });
  expect(shell.status).toBe(200);
  const found = /<meta name="preview-token" content="([0-9a-f]{48})"/.exec(shell.body);
  expect(found).not.toBeNull();
  token = found![1]!;
});
afterAll(async () => {
  await preview.close();
  rmSync(storageDir, { recursive: true, force: true });
});

describe('refused, with no state change', () => {
  const refusals: [string, () => Promise<Answer>][] = [
    [
      'a foreign Host (DNS rebinding)',
      () =>
        send(
          'POST',
          '/__preview/control',
          json({ host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` }),
          themeBody,
        ),
    ],
    [
      'the right host on another port',
      () => send('POST', '/__preview/control', json({ host: `127.0.0.1:${port + 1}` }), themeBody),
    ],
    ['a foreign Origin', () => send('POST', '/__preview/control', json({ origin: 'http://evil.example' }), themeBody)],
    [
      'no Origin',
      () =>
        send(
          'POST',
          '/__preview/control',
          { host: self(), 'content-type': 'application/json', [TOKEN_HEADER]: token },
          themeBody,
        ),
    ],
    [
      'a text/plain no-cors POST from another page',
      () =>
        send(
          'POST',
          '/__preview/control',
          { host: self(), origin: 'http://evil.example', 'content-type': 'text/plain' },
          themeBody,
        ),
    ],
    [
      'text/plain even from the same origin',
      () => send('POST', '/__preview/control', json({ 'content-type': 'text/plain;charset=UTF-8' }), themeBody),
    ],
    [
      'no token',
      () =>
        send(
          'POST',
          '/__preview/control',
          { host: self(), origin: `http://${self()}`, 'content-type': 'application/json' },
          themeBody,
        ),
    ],
    ['a wrong token', () => send('POST', '/__preview/control', json({ [TOKEN_HEADER]: 'f'.repeat(48) }), themeBody)],
    [
      'a bridge call from another origin',
      () =>
        send(
          'POST',
          '/__preview/bridge',
          json({ origin: 'http://evil.example' }),
          JSON.stringify({ name: 'invoke', args: { functionKey: 'acknowledge', payload: {} } }),
        ),
    ],
    ['a page load under a foreign Host', () => send('GET', '/', { host: `attacker.example:${port}` })],
  ];
  it.each(refusals)('%s → 403', async (_label, attempt) => {
    const before = JSON.stringify(preview.state.viewpoint);
    const answer = await attempt();
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain(token);
    expect(JSON.stringify(preview.state.viewpoint)).toBe(before);
    expect(preview.state.viewpoint.theme).toBe('light');
  });
});

it('the control page itself (same origin, JSON, its token) still changes the preview', async () => {
  const answer = await send('POST', '/__preview/control', json(), themeBody);
  expect(answer.status).toBe(200);
  expect(preview.state.viewpoint.theme).toBe('dark');
  const localhost = await send(
    'POST',
    '/__preview/control',
    json({ host: `localhost:${port}`, origin: `http://localhost:${port}` }),
    JSON.stringify({ action: 'theme', value: 'light' }),
  );
  expect(localhost.status).toBe(200);
  expect(preview.state.viewpoint.theme).toBe('light');
});
