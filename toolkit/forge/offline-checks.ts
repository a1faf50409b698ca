/**
 * Forge's own checks, run offline: manifest validation (@forge/manifest), the client-side linters
 * (@forge/lint) and the function bundle (@forge/bundler). `forge lint` and `forge build` need a login;
 * these libraries do not (each covers only part of what `forge lint` and `forge deploy` check).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getEntryPoints, getNodeBundler } from '@forge/bundler';
import { lint, problemCount, reportLintResults } from '@forge/lint';
import { validate, type ManifestSchema } from '@forge/manifest';
import YAML from 'yaml';

export const ROOT = path.resolve(__dirname, '../..');

export interface ManifestReport {
  success: boolean;
  errors: string[];
}

export async function validateManifest(appDir = ROOT): Promise<ManifestReport> {
  const result = await validate(false, path.join(appDir, 'manifest.yml'));
  return {
    success: result.success,
    errors: (result.errors ?? []).map((e) => `${e.line ?? '?'}:${e.column ?? '?'} ${e.message}`),
  };
}

function readManifest(appDir: string): ManifestSchema {
  return YAML.parse(fs.readFileSync(path.join(appDir, 'manifest.yml'), 'utf8')) as ManifestSchema;
}

function listFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else out.push(full);
  }
  return out;
}

/** Points the permission linter at empty API descriptions instead of downloading Atlassian's. */
function useLocalSwaggerStubs(): void {
  const stub = path.join(os.tmpdir(), 'privacy-panel-swagger-stub.json');
  if (!fs.existsSync(stub)) fs.writeFileSync(stub, '{"paths":{}}');
  process.env['USE_LOCAL_SWAGGER'] = '1';
  for (const name of ['JIRA', 'JSM', 'JSW', 'CONF', 'CONF_V2', 'BB']) process.env[`LOCAL_${name}_SWAGGER`] = stub;
}

export interface LintReport {
  errors: number;
  warnings: number;
  output: string[];
}

export async function lintOffline(appDir = ROOT): Promise<LintReport> {
  useLocalSwaggerStubs();
  const previous = process.cwd();
  process.chdir(appDir); // the linters resolve tsconfig.json and handler paths from the working directory
  try {
    const output: string[] = [];
    const logger = { info: (...parts: unknown[]) => output.push(parts.map(String).join(' ')) };
    // The client-side linters make one call on this service: the list of deprecated runtimes.
    const statsig = { getDeprecatedRuntimes: () => Promise.resolve([]) } as unknown as Parameters<typeof lint>[4];
    const files = listFiles(path.join(appDir, 'src')).map((file) => path.relative(appDir, file));
    const results = await lint(files, readManifest(appDir), 'development', logger, statsig, {
      linter: { mode: 'client-side' },
    });
    reportLintResults(logger, results);
    const count = problemCount(results);
    return { errors: count.errors, warnings: count.warnings, output };
  } finally {
    process.chdir(previous);
  }
}

export interface BundleReport {
  outputDir: string;
  /** File name → size in bytes. */
  files: Record<string, number>;
  dependencies: string[];
}

/** Builds the deployable function bundle with webpack, as `forge deploy` would, minus the CDN-fetched runtime wrapper. */
export async function bundleOffline(appDir = ROOT): Promise<BundleReport> {
  const manifest = readManifest(appDir);
  const quiet = () => undefined;
  const logger = { info: quiet, warn: console.warn, error: console.error, debug: quiet, trace: quiet };
  const stub = (name: string) => () =>
    Promise.resolve({ script: `/* offline stub: ${name} */`, source: 'stub', version: '0.0.0-stub' });
  const wrapper = { getNodeRuntimeWrapper: stub('wrapper'), getNodeRuntimeLoader: stub('loader') };
  const functions = (manifest.modules?.function ?? []) as Array<{ handler: string }>;
  const previous = process.cwd();
  process.chdir(appDir); // the bundler resolves each entry point as src/<module> from the working directory
  const entryPoints = getEntryPoints(
    functions.map((f) => ({ module: f.handler.split('.')[0] ?? f.handler })) as Parameters<typeof getEntryPoints>[0],
  );
  const bundler = getNodeBundler(logger as unknown as Parameters<typeof getNodeBundler>[0], wrapper, {
    readConfig: () => Promise.resolve(manifest),
  });
  let output: Awaited<ReturnType<typeof bundler.bundle>>;
  try {
    output = await bundler.bundle({ appDirectory: appDir, entryPoints });
  } finally {
    process.chdir(previous);
  }
  const files: Record<string, number> = {};
  for (const name of fs.readdirSync(output.outputDir))
    files[name] = fs.statSync(path.join(output.outputDir, name)).size;
  return { outputDir: output.outputDir, files, dependencies: [...(output.metadata?.dependencies ?? [])] };
}
