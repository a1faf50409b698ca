/**
 * `privacy-panel preview [DIR] [--port N]` in a host app (bin/privacy-panel.cjs dispatches here): this
 * preview, serving the package's page with the host's statement and the host's evidence on the emulator,
 * storage in DIR/.preview/ (a line `add` writes to the host's .gitignore keeps it out of git), opened in
 * the product the app is in (Confluence for a Confluence-only app). Shipped in the package (dist/cli/dev) for this one command.
 */
import { join } from 'node:path';
import { compileHost, pageDir } from '../../toolkit/cli/host/build';
import { readHostApp } from '../../toolkit/cli/host/host-app';
import { productsOf } from '../../toolkit/cli/host/plan';
import { startPreview, type PreviewHandle } from './server';

export async function previewHost(dir: string, port = 4173): Promise<{ preview: PreviewHandle; lines: string[] }> {
  const app = readHostApp(dir);
  const built = compileHost(dir, app);
  const preview = await startPreview({
    port,
    baseCatalog: built.catalog,
    evidence: built.evidence,
    buildDir: pageDir(),
    storageDir: join(dir, '.preview'),
  });
  // The preview opens in the product the app is in: Confluence for a Confluence-only app.
  const products = productsOf(app.manifest['modules'] as Record<string, unknown>);
  if (!products.includes('jira')) preview.state.update({ product: 'confluence' });
  return { preview, lines: [...built.lines, `Privacy Panel preview of this app: ${preview.url}`, '  Ctrl+C to stop.'] };
}

/** The CLI command (its options parsed by the command table): 0 serving; a refusal is a HostAppError (exit 1), reported by toolkit/cli/main.ts. */
export async function runPreviewCommand(dir: string, port: number): Promise<number> {
  const { lines } = await previewHost(dir, port);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
