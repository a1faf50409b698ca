import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sha256Hex } from '../../src/domain/canonical';
import { checksumInput } from '../../toolkit/export/bundle';
import { downloadFile, exportFileName, sha256HexWeb, type DownloadEnvironment } from '../../static/admin/src/export';
import { bundleOf, sampleInput } from './helpers';

const ENTRY = resolve(__dirname, '../../static/admin/src/export/index.ts');

/** Modules reachable through runtime (non-type) imports from `file`, followed through relative paths. */
function runtimeImports(file: string, seen = new Set<string>()): { files: Set<string>; packages: Set<string> } {
  const packages = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const source = readFileSync(path, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) {
      if (match[1]) continue; // `import type` / `export type`: erased
      const spec = match[2]!;
      if (spec.startsWith('.')) visit(resolve(dirname(path), `${spec}.ts`));
      else packages.add(spec);
    }
  };
  visit(file);
  return { files: seen, packages };
}

describe('the browser-side export', () => {
  it('pulls in no node built-in and no server code at run time', () => {
    const { files, packages } = runtimeImports(ENTRY);
    expect([...packages].sort()).toEqual(['json-canonicalize']);
    const names = [...files].map((f) => f.replace(resolve(__dirname, '../..') + '/', ''));
    expect(names).not.toContain('src/domain/canonical.ts');
    expect(names.every((n) => n.startsWith('static/admin/src/export/') || n.startsWith('toolkit/export/'))).toBe(true);
  });

  it('computes the same checksum with Web Crypto as the verifier does with node:crypto', async () => {
    const bundle = await bundleOf(sampleInput());
    expect(await sha256HexWeb(checksumInput(bundle))).toBe(sha256Hex(checksumInput(bundle)));
    expect(await sha256HexWeb('Zürich ✓ 𝄞')).toBe(sha256Hex('Zürich ✓ 𝄞'));
  });

  it('downloadFile clicks a hidden temporary link to a Blob URL, then removes it and revokes the URL', async () => {
    const events: string[] = [];
    let blob: Blob | undefined;
    let pending: (() => void) | undefined;
    const anchor = {
      href: '',
      download: '',
      rel: '',
      style: { display: '' },
      click: () => events.push(`click ${anchor.download} ${anchor.href}`),
      remove: () => events.push('remove'),
    };
    const env: DownloadEnvironment = {
      createAnchor: () => anchor,
      attach: () => events.push('attach'),
      createObjectURL: (b) => {
        blob = b;
        return 'blob:fake/1';
      },
      revokeObjectURL: (url) => events.push(`revoke ${url}`),
      later: (fn) => {
        pending = fn;
      },
    };
    downloadFile('export.csv', 'a,b\r\n', 'text/csv', env);
    expect(events).toEqual(['attach', 'click export.csv blob:fake/1']);
    expect(anchor.style.display).toBe('none');
    expect(blob!.type).toBe('text/csv;charset=utf-8');
    expect(await blob!.text()).toBe('a,b\r\n');
    pending!();
    expect(events.slice(2)).toEqual(['remove', 'revoke blob:fake/1']);
  });

  it('downloadFile needs a document when no environment is given', () => {
    expect(() => downloadFile('x.json', '{}', 'application/json')).toThrow(/browser document/);
  });

  it('names files by product and time, safely for any file system', () => {
    expect(exportFileName('confluence', '2026-05-04T09:30:00.123Z', 'json')).toBe(
      'privacy-panel-confluence-2026-05-04T09-30-00Z.json',
    );
  });
});
