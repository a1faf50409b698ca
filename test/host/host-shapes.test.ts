/**
 * What `add` writes compiles and bundles in every shape of Forge app: one TypeScript host per tsconfig a
 * Forge app uses (moduleResolution node10, node16, nodenext, bundler; with and without resolveJsonModule,
 * esModuleInterop, strict, skipLibCheck) and JavaScript hosts in CommonJS and ES modules. Each host is type
 * checked with `tsc` after `add`, then bundled once with Forge's bundler, offline. Then the sub-page hosts
 * (view.createHistory(), react-router v5 and v6, a resolver in another file under another name, a Vite page,
 * @forge/resolver 1.x): the wiring `add` prints is pasted as printed and compiles with `tsc` in the host
 * against the real packages of the host's majors (React's and react-router's own types, @forge/resolver 1.8), and
 * the bundle holds the panel's runtime once, in the host's own module.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { addPanel } from '../../toolkit/cli/host/add';
import { bundleOffline } from '../../toolkit/forge/offline-checks';
import { applyServerWiring, copyFixture, printedWiring, REPO, requirePackageBuilt } from './harness';

const run = promisify(execFile);
const TSC = path.join(REPO, 'node_modules/typescript/bin/tsc');

/** One `tsc --listFiles` run: the files it read (one a line, real paths) and its error lines. */
async function tscListing(project: string): Promise<{ files: string; errors: string[] }> {
  let output: string;
  try {
    ({ stdout: output } = await run(process.execPath, [TSC, '-p', project, '--noEmit', '--listFiles'], {
      cwd: path.dirname(project),
    }));
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    output = `${stdout ?? ''}${stderr ?? ''}` || String(error);
  }
  return { files: output, errors: output.split('\n').filter((line) => /\berror TS\d+/.test(line)) };
}

async function tsc(project: string): Promise<string> {
  try {
    await run(process.execPath, [TSC, '-p', project, '--noEmit'], { cwd: path.dirname(project) });
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}${stderr ?? ''}` || String(error);
  }
}

interface Shape {
  name: string;
  compilerOptions?: Record<string, unknown>;
  /** package.json `type`, when the host sets one. */
  type?: 'module' | 'commonjs';
  /** A JavaScript host: its function module in this module format. */
  js?: 'esm' | 'cjs';
}

const SHAPES: Shape[] = [
  {
    name: 'node10, no strict, no esModuleInterop, no resolveJsonModule',
    compilerOptions: { module: 'commonjs', moduleResolution: 'node' },
  },
  {
    name: 'node10 strict with esModuleInterop, full lib check',
    compilerOptions: {
      module: 'commonjs',
      moduleResolution: 'node',
      strict: true,
      esModuleInterop: true,
      skipLibCheck: false,
    },
  },
  { name: 'node16 strict', compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true } },
  {
    name: 'nodenext strict, no esModuleInterop, full lib check',
    compilerOptions: {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      esModuleInterop: false,
      skipLibCheck: false,
    },
  },
  {
    name: 'bundler strict with resolveJsonModule',
    compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true, resolveJsonModule: true },
  },
  { name: 'bundler, no strict', compilerOptions: { module: 'preserve', moduleResolution: 'bundler' } },
  {
    // A real host's shape (an ES module package whose TypeScript resolves as node10): `./data`, not `./data.js`.
    name: 'node10 in a "type": "module" package',
    compilerOptions: { module: 'esnext', moduleResolution: 'node' },
    type: 'module',
  },
  {
    name: 'nodenext in a "type": "module" package (tsc needs ./data.js)',
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true },
    type: 'module',
  },
  { name: 'JavaScript, CommonJS ("type": "commonjs")', type: 'commonjs', js: 'cjs' },
  { name: 'JavaScript, ES modules ("type": "module")', type: 'module', js: 'esm' },
];

const HOST_CODE = {
  ts: 'export const ping = async () => ({ statusCode: 204 });\n',
  esm: 'export const ping = async () => ({ statusCode: 204 });\n',
  cjs: 'exports.ping = async () => ({ statusCode: 204 });\n',
};

/** The `empty` fixture reshaped: its tsconfig (or none, for a JS host), package.json `type`, function module. */
function shapedHost(shape: Shape): string {
  const dir = copyFixture('empty');
  const pkgFile = path.join(dir, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as Record<string, unknown>;
  if (shape.type) pkg['type'] = shape.type;
  fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  fs.rmSync(path.join(dir, 'src/index.ts'));
  if (shape.js) {
    fs.rmSync(path.join(dir, 'tsconfig.json'));
    fs.writeFileSync(path.join(dir, 'src/index.js'), HOST_CODE[shape.js]);
  } else {
    const tsconfig = {
      compilerOptions: { target: 'ES2022', skipLibCheck: true, ...shape.compilerOptions },
      include: ['src/**/*.ts'],
    };
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, 'src/index.ts'), HOST_CODE.ts);
  }
  return dir;
}

const dirs: string[] = [];
beforeAll(() => requirePackageBuilt());
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe.each(SHAPES)('a host: $name', (shape) => {
  let dir: string;

  beforeAll(async () => {
    dir = shapedHost(shape);
    dirs.push(dir);
    const result = await addPanel(dir, { yes: true, today: '2026-11-01' });
    expect(result.written).toBe(true);
  }, 60_000);

  it('has the handler and data module in its own format, with no JSON import', () => {
    const ext = shape.js ? 'js' : 'ts';
    const handler = fs.readFileSync(path.join(dir, `src/privacy-panel/index.${ext}`), 'utf8');
    expect(handler).not.toMatch(/\.json/);
    const withExtension =
      shape.type === 'module' &&
      (shape.js !== undefined || /^node(16|next)$/.test(String(shape.compilerOptions?.['moduleResolution'])));
    // A TypeScript ES module host resolving as nodenext gets a real data.js with its types beside it.
    const dataExt = shape.js || withExtension ? 'js' : 'ts';
    const data = fs.readFileSync(path.join(dir, `src/privacy-panel/data.${dataExt}`), 'utf8');
    expect(fs.existsSync(path.join(dir, 'src/privacy-panel/data.d.ts'))).toBe(!shape.js && withExtension);
    expect(handler).toMatch(withExtension ? /from '\.\/data\.js'/ : /'\.\/data'/);
    expect(handler.includes('require(')).toBe(shape.js === 'cjs');
    expect(data).toMatch(shape.js === 'cjs' ? /^exports\.catalog = \{/m : /^export const catalog(: unknown)? = \{/m);
  });

  if (!shape.js) {
    it('type checks with tsc under its tsconfig', async () => {
      expect(await tsc(path.join(dir, 'tsconfig.json'))).toBe('');
    }, 120_000);
  }

  it("bundles with Forge's bundler: the panel's entry exports its four functions", async () => {
    const bundle = await bundleOffline(dir);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const entry = require(path.join(bundle.outputDir, 'privacy-panel/index.cjs')) as Record<string, unknown>;
      for (const name of ['handler', 'reportPersonalData', 'onAppInstalled', 'onAppUpgraded'])
        expect(typeof entry[name]).toBe('function');
    } finally {
      fs.rmSync(bundle.outputDir, { recursive: true, force: true });
    }
  }, 180_000);
});

interface SubPage {
  fixture: string;
  /** The UI tsconfig, relative to the host. */
  ui: string;
  /** Lines expected in the printed wiring, proving what add read. */
  expects: RegExp[];
  /** The real package of the host's own major that `tsc` must read, for its functions and for its page. */
  reads: { functions: RegExp; page?: RegExp };
}

const SUB_PAGES: SubPage[] = [
  {
    fixture: 'sub-page-history',
    ui: 'static/admin/tsconfig.json',
    expects: [
      /^ {2}in src\/resolvers\.ts, after your adminResolver\.define/m,
      /^ {4}registerPrivacyPanel\(adminResolver\);$/m,
      /^ {2}in src\/index\.ts \(the module of function "admin-resolver"/m,
      /^ {2}in static\/admin\/src\/main\.ts \(your Custom UI routes with view\.createHistory\(\) from @forge\/bridge, a Vite build\)/m,
      /mountPrivacyPanel\(privacyPanelRoot, \{ history, route: '\/privacy-panel' \}\)/,
    ],
    reads: { functions: /node_modules\/@forge\/resolver-v1\/out\/index\.d\.ts$/m },
  },
  {
    fixture: 'sub-page-router-v5',
    ui: 'static/ui/tsconfig.json',
    expects: [
      /^ {2}in src\/index\.ts, after your resolver\.define/m,
      /react-router-dom 5/,
      /<Route path="\/privacy-panel" render=\{/,
    ],
    reads: {
      functions: /node_modules\/@forge\/resolver\/out\/index\.d\.ts$/m,
      page: /node_modules\/@types\/react-router-dom-v5\/index\.d\.ts$/m,
    },
  },
  {
    fixture: 'sub-page-router-v6',
    ui: 'static/ui/tsconfig.json',
    expects: [
      /^ {2}in src\/backend\.ts, after your gates\.define/m,
      /^ {2}in static\/ui\/src\/main\.tsx \(your Custom UI, react-router-dom 6, a Vite build\)/m,
      /<Route path="\/privacy-panel" element=\{/,
    ],
    reads: {
      functions: /node_modules\/@forge\/resolver\/out\/index\.d\.ts$/m,
      page: /node_modules\/react-router-dom-v6\/dist\/index\.d\.ts$/m,
    },
  },
];

/** The page's lines as a vendor pastes them: the route into the host's <Routes>/<Switch>, the rest at the end. */
function applyUiWiring(dir: string, file: string, lines: readonly string[]): void {
  const full = path.join(dir, file);
  let text = fs.readFileSync(full, 'utf8');
  const rest: string[] = [];
  for (const line of lines) {
    if (line.startsWith('<Route')) text = text.replace('{/* routes */}', line);
    else rest.push(line);
  }
  fs.writeFileSync(full, `${text}\n${rest.join('\n')}\n`);
}

describe.each(SUB_PAGES)('a sub-page host: $fixture', ({ fixture, ui: uiConfig, expects, reads }) => {
  let dir: string;
  let notes: string[];

  beforeAll(async () => {
    dir = copyFixture(fixture);
    dirs.push(dir);
    const result = await addPanel(dir, { yes: true, today: '2026-11-01' });
    expect(result.plan.placements.map((p) => p.kind)).toEqual(['sub-page']);
    notes = result.plan.notes;
  }, 60_000);

  it('prints wiring that names its files, resolver, router and build', () => {
    for (const re of expects) expect(notes.join('\n')).toMatch(re);
  });

  it('compiles with tsc once the printed lines are pasted: its functions, then its page', async () => {
    applyServerWiring(dir, notes);
    const functions = await tscListing(path.join(dir, 'tsconfig.json'));
    expect(functions.errors).toEqual([]);
    expect(functions.files).toMatch(reads.functions);
    const page = [...printedWiring(notes)].find(([file]) => !file.startsWith('src/'));
    if (!page) throw new Error('no page wiring printed');
    applyUiWiring(dir, page[0], page[1]);
    const ui = await tscListing(path.join(dir, uiConfig));
    expect(ui.errors).toEqual([]);
    if (reads.page) expect(ui.files).toMatch(reads.page);
  }, 600_000);

  it("bundles the panel's runtime once, in the host's own module", async () => {
    const bundle = await bundleOffline(dir);
    try {
      const files = Object.keys(bundle.files).filter((f) => f.endsWith('.cjs'));
      expect(files).toHaveLength(1);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const host = require(path.join(bundle.outputDir, files[0] as string)) as Record<string, unknown>;
      for (const name of ['privacyPanelReport', 'privacyPanelInstalled', 'privacyPanelUpgraded'])
        expect(typeof host[name]).toBe('function');
    } finally {
      fs.rmSync(bundle.outputDir, { recursive: true, force: true });
    }
  }, 180_000);
});
