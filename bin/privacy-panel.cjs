#!/usr/bin/env node
'use strict';
/**
 * privacy-panel verify FILE
 * privacy-panel add|remove|build|preview [DIR]   (toolkit/cli/host/main.ts)
 *
 * Checks an export file offline. Exit codes: 0 everything holds, 1 the file has problems, 2 usage or I/O error.
 * Runs straight from a clone after `npm ci`: tsx (scoped to this one require) loads the TypeScript verifier,
 * so there is no build step.
 */
const fs = require('node:fs');
const path = require('node:path');

const USAGE =
  'usage: privacy-panel verify FILE\n\nChecks a Privacy Panel export (the .json file) and exits 0 when it verifies, 1 when it does not.\n';

function fail(message) {
  process.stderr.write(`privacy-panel: ${message}\n`);
  process.exit(2);
}

/** The compiled module in an installed package (dist/cli), else the TypeScript source through tsx (a clone). */
function loadModule(relative) {
  const built = path.join(__dirname, '..', 'dist', 'cli', `${relative}.js`);
  if (fs.existsSync(built)) return require(built);
  let tsx;
  try {
    tsx = require('tsx/cjs/api');
  } catch {
    fail('cannot load tsx; run `npm ci` in the repository first');
  }
  return tsx.require(path.join(__dirname, '..', `${relative}.ts`), __filename);
}

const HOST_COMMANDS = ['add', 'remove', 'build', 'preview'];

function main(argv) {
  const [command, file, ...extra] = argv;
  if (HOST_COMMANDS.includes(command)) {
    const run =
      command === 'preview'
        ? loadModule('dev/preview/host').runPreviewCommand(argv.slice(1))
        : loadModule('toolkit/cli/host/main').runHostCommand(command, argv.slice(1));
    run.then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        process.stderr.write(`privacy-panel ${command}: ${error && error.stack ? error.stack : String(error)}\n`);
        process.exitCode = 2;
      },
    );
    return undefined;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command !== 'verify' || !file || extra.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${error && error.code ? error.code : String(error)}`);
  }
  const { verifyExport, formatReport } = loadModule('toolkit/export/index');
  const report = verifyExport(text);
  process.stdout.write(formatReport(report, file));
  return report.ok ? 0 : 1;
}

const code = main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
