/**
 * `privacy-panel preview [DIR]` in a host: the local preview (dev/preview) serving the package's page with
 * the host's statement and the host's evidence, on the platform emulator; storage in DIR/.preview/.
 */
import { join } from 'node:path';
import { startPreview, type PreviewHandle } from '../../../dev/preview/server';
import { compileHost, pageDir } from './build';

export async function previewHost(dir: string, port = 4173): Promise<{ preview: PreviewHandle; lines: string[] }> {
  const built = compileHost(dir);
  const preview = await startPreview({
    port,
    baseCatalog: built.catalog,
    evidence: built.evidence,
    buildDir: pageDir(),
    storageDir: join(dir, '.preview'),
  });
  return { preview, lines: [...built.lines, `Privacy Panel preview of this app: ${preview.url}`, '  Ctrl+C to stop.'] };
}
