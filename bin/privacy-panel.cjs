#!/usr/bin/env node
'use strict';
/**
 * privacy-panel verify FILE
 *
 * Checks an export file offline. Exit codes: 0 everything holds, 1 the file has problems, 2 usage or I/O error.
 * Runs straight from a clone after `npm ci`: tsx (scoped to this one require) loads the TypeScript verifier,
 * so there is no build step.
 */
const fs = require('node:fs');
const path = require('node:path');

const USAGE =
  'usage: privacy-panel verify FILE\n\nChecks a Privacy Panel export (the .json file) and exits 0 when it verifies, 1 when it does not.\n' +
  '\n       privacy-panel evidence [DIR] [--manifest FILE] [--json]   what the Forge app at DIR provably does (exit 2: unreadable)' +
  '\n       privacy-panel check [DIR] [--policy DIR]                  its statement against that evidence (exit 1: contradictions)' +
  '\n       privacy-panel marketplace [DIR] [--policy DIR]            its Marketplace Privacy & Security answers\n';

function fail(message) {
  process.stderr.write(`privacy-panel: ${message}\n`);
  process.exit(2);
}

function loadVerifier() {
  let tsx;
  try {
    tsx = require('tsx/cjs/api');
  } catch {
    fail('cannot load tsx; run `npm ci` in the repository first');
  }
  return tsx.require(path.join(__dirname, '..', 'toolkit', 'export', 'index.ts'), __filename);
}

/** Commands that run a toolkit CLI module's `main(argv)`: evidence, check, marketplace. */
const TOOLKIT_COMMANDS = { evidence: 'evidence.ts', check: 'check.ts', marketplace: 'marketplace-privacy.ts' };

function runToolkitCommand(command, args) {
  let tsx;
  try {
    tsx = require('tsx/cjs/api');
  } catch {
    fail('cannot load tsx; run `npm ci` in the repository first');
  }
  const module = tsx.require(path.join(__dirname, '..', 'toolkit', 'cli', TOOLKIT_COMMANDS[command]), __filename);
  return module.main(args);
}

function main(argv) {
  const [command, file, ...extra] = argv;
  if (Object.prototype.hasOwnProperty.call(TOOLKIT_COMMANDS, command)) return runToolkitCommand(command, argv.slice(1));
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
  const { verifyExport, formatReport } = loadVerifier();
  const report = verifyExport(text);
  process.stdout.write(formatReport(report, file));
  return report.ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
