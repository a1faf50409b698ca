/** The privacy-panel package this CLI runs from: its folder and its package.json. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PackageInfo {
  root: string;
  version: string;
  homepage: string;
}

/** The package's root: the folder above `from` whose package.json is named privacy-panel. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'privacy-panel')
      return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`privacy-panel: cannot find the package root above ${from}`);
    dir = up;
  }
}

export function packageInfo(): PackageInfo {
  const root = packageRoot();
  const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  return {
    root,
    version: typeof json['version'] === 'string' ? json['version'] : '0.0.0',
    homepage: typeof json['homepage'] === 'string' ? json['homepage'] : '',
  };
}
