/**
 * A vendor's editor on the statement `add` starts: yaml-language-server (the YAML engine of VS Code and
 * others) driven over LSP on stdio, with no schema store and no settings, finds the schema through the
 * statement's own `# yaml-language-server: $schema=` line: it completes the statement's fields and reports a
 * misspelt one.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { addPanel } from '../../toolkit/cli/host/add';
import { copyFixture, REPO, requirePackageBuilt } from '../host/harness';

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
}

/** A minimal LSP client: Content-Length framing, requests by id, the server's requests answered. */
class LspClient {
  private buffer = Buffer.alloc(0);
  private next = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  readonly notifications: Message[] = [];
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly server: ChildProcessWithoutNullStreams) {
    server.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
  }

  private drain(): void {
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.receive(message);
    }
  }

  private receive(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // The server asks: its settings (validation and completion on, no schema store), anything else: null.
      const settings = { validate: true, completion: true, hover: true, schemaStore: { enable: false } };
      const items = (message.params as { items?: unknown[] } | undefined)?.items ?? [];
      const result = message.method === 'workspace/configuration' ? items.map(() => settings) : null;
      this.send({ id: message.id, result });
    } else if (message.method !== undefined) {
      this.notifications.push(message);
      for (const wake of this.waiters.splice(0)) wake();
    } else if (message.id !== undefined) {
      this.pending.get(message.id)?.(message.result);
      this.pending.delete(message.id);
    }
  }

  private send(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The first notification that `accept` takes, waiting for it as long as it takes. */
  async notification(accept: (m: Message) => boolean): Promise<Message> {
    for (;;) {
      const found = this.notifications.find(accept);
      if (found) return found;
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }
}

interface Diagnostic {
  message: string;
  range: { start: { line: number } };
}

let host: string;
let server: ChildProcessWithoutNullStreams;
let client: LspClient;
let statement: string;

beforeAll(async () => {
  requirePackageBuilt();
  host = copyFixture('jira-free-slot');
  await addPanel(host, { today: '2026-05-04' });
  statement = path.join(host, 'policy/statement.yml');
  const bin = path.join(REPO, 'node_modules/yaml-language-server/bin/yaml-language-server');
  server = spawn(process.execPath, [bin, '--stdio'], { cwd: host });
  client = new LspClient(server);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(host).href,
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } } },
    workspaceFolders: [{ uri: pathToFileURL(host).href, name: 'host' }],
  });
  client.notify('initialized', {});
}, 60_000);

afterAll(() => {
  server.kill();
  fs.rmSync(host, { recursive: true, force: true });
});

let version = 0;
function open(name: string, text: string): string {
  // Beside the starter, so its relative $schema path resolves the same way.
  const uri = pathToFileURL(path.join(host, 'policy', name)).href;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: ++version, text } });
  return uri;
}

async function diagnosticsOf(uri: string): Promise<Diagnostic[]> {
  const message = await client.notification(
    (m) =>
      m.method === 'textDocument/publishDiagnostics' &&
      (m.params as { uri: string; diagnostics: unknown[] }).uri === uri,
  );
  return (message.params as { diagnostics: Diagnostic[] }).diagnostics;
}

test('the starter names the schema the package ships, and the statement as written has no schema error', async () => {
  const text = fs.readFileSync(statement, 'utf8');
  const schema = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1] ?? '';
  expect(fs.existsSync(path.join(host, 'policy', schema))).toBe(true);
  expect(await diagnosticsOf(open('as-written.yml', text))).toEqual([]);
}, 60_000);

test('a misspelt field is reported on its line', async () => {
  const text = fs.readFileSync(statement, 'utf8').replace('\n  vendor:\n', '\n  vendr:\n');
  const line = text.split('\n').indexOf('  vendr:');
  const diagnostics = await diagnosticsOf(open('misspelt.yml', text));
  expect(diagnostics).toContainEqual(
    expect.objectContaining({
      message: expect.stringMatching(/vendr/),
      range: expect.objectContaining({ start: expect.objectContaining({ line }) }),
    }),
  );
}, 60_000);

test('completion inside facts offers the fields the statement still lacks', async () => {
  const doc = YAML.parseDocument(fs.readFileSync(statement, 'utf8'));
  doc.deleteIn(['facts', 'subProcessors']);
  doc.deleteIn(['facts', 'logs']);
  const header = fs
    .readFileSync(statement, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('#'))
    .join('\n');
  const lines = `${header}\n${YAML.stringify(doc.toJS(), { lineWidth: 0 })}`.split('\n');
  const at = lines.indexOf('facts:') + 1;
  lines.splice(at, 0, '  ');
  const uri = open('completion.yml', lines.join('\n'));
  const result = (await client.request('textDocument/completion', {
    textDocument: { uri },
    position: { line: at, character: 2 },
  })) as { items: { label: string }[] } | { label: string }[];
  const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
  expect(labels).toEqual(expect.arrayContaining(['subProcessors', 'logs']));
  expect(labels).not.toContain('vendor'); // already there
}, 60_000);
