/// <reference lib="dom" />
/**
 * The offline verifier: one HTML file an auditor opens from disk. It runs the same checks as
 * `privacy-panel verify` (toolkit/export, bundled) on files chosen from disk, and loads nothing: its CSP is
 * `default-src 'none'` with this script allowed by its hash (scripts/build-verifier.ts).
 */
import { headArgument, type AnchorInput } from '../../../../toolkit/export/anchors';
import { resultOf } from '../../../../toolkit/export/report';
import { verifyExport } from '../../../../toolkit/export/verify';

const VERDICTS = { 0: 'VERIFIED', 1: 'NOT VERIFIED', 2: 'CANNOT BE READ' } as const;

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found;
}

function input(id: string): HTMLInputElement {
  const found = element(id);
  if (!(found instanceof HTMLInputElement)) throw new Error(`#${id} is not an input`);
  return found;
}

async function read(file: File): Promise<AnchorInput> {
  return { name: file.name, text: await file.text() };
}

const filesOf = (id: string): File[] => Array.from(input(id).files ?? []);

async function run(): Promise<void> {
  const verdict = element('verdict');
  const output = element('report');
  const [exportFile] = filesOf('export-file');
  if (!exportFile) {
    verdict.textContent = 'Choose the export (.json) first.';
    verdict.dataset['code'] = '';
    return;
  }
  verdict.textContent = 'Checking…';
  const [earlier] = filesOf('since-file');
  const [lock] = filesOf('lock-file');
  const sinceHead = input('since-head').value.trim();
  const since = earlier ? await read(earlier) : sinceHead ? headArgument(sinceHead) : undefined;
  if (sinceHead && !earlier && !since) {
    verdict.textContent = 'The earlier head must be written SEQ:HASH (the seq, a colon, 64 hexadecimal characters).';
    verdict.dataset['code'] = '2';
    return;
  }
  const head = input('head').value.trim();
  if (head && !/^[0-9a-f]{64}$/.test(head)) {
    verdict.textContent = 'The head hash is the 64 lowercase hexadecimal characters the page showed.';
    verdict.dataset['code'] = '2';
    return;
  }
  const report = verifyExport((await read(exportFile)).text, {
    ...(head ? { expectedHead: head } : {}),
    witnesses: await Promise.all(filesOf('witness-files').map(read)),
    ...(since ? { since } : {}),
    ...(lock ? { lock: await read(lock) } : {}),
  });
  const result = resultOf(report, exportFile.name);
  verdict.textContent = `${VERDICTS[result.code]} (exit code ${result.code} of privacy-panel verify)`;
  verdict.dataset['code'] = String(result.code);
  output.textContent = result.lines.join('\n');
}

element('verify-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void run().catch((error: unknown) => {
    element('verdict').textContent = `Could not check: ${error instanceof Error ? error.message : String(error)}`;
  });
});
