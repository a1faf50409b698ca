#!/usr/bin/env node
'use strict';
/**
 * privacy-panel verify FILE [--head HASH]
 *
 * Checks an export file offline. Exit codes: 0 verified, 1 problems found, 2 the file cannot be read as an
 * export (usage, I/O, not JSON, another format, too large or deep, absurd numbers), with a one-line reason.
 * Runs straight from a clone after `npm ci`: tsx (scoped to this one require) loads the TypeScript verifier,
 * so there is no build step.
 */
const fs = require('node:fs');
const path = require('node:path');

const USAGE =
  'usage: privacy-panel verify FILE [--head HASH]\n\n' +
  'Checks a Privacy Panel export (the .json file). With --head, also checks that the chain ends in the head\n' +
  'hash noted at export time. Exit codes: 0 verified, 1 problems found, 2 the file cannot be read as an export.\n' +
  '\n       privacy-panel evidence [DIR] [--manifest FILE] [--json]   what the Forge app at DIR provably does (exit 2: unreadable)' +
  '\n       privacy-panel check [DIR] [--policy DIR]                  its statement against that evidence (exit 1: contradictions)' +
  '\n       privacy-panel marketplace [DIR] [--policy DIR]            its Marketplace Privacy & Security answers\n';
const HEX64 = /^[0-9a-f]{64}$/;

function fail(message) {
  process.stderr.write(`privacy-panel: ${message}\n`);
  process.exit(2);
}

/** A toolkit module, loaded through tsx (scoped to this one require). */
function loadToolkit(...segments) {
  let tsx;
  try {
    tsx = require('tsx/cjs/api');
  } catch {
    fail('cannot load tsx; run `npm ci` in the repository first');
  }
  return tsx.require(path.join(__dirname, '..', 'toolkit', ...segments), __filename);
}

const loadVerifier = () => loadToolkit('export', 'index.ts');

/** Commands that run a toolkit CLI module's `main(argv)`: evidence, check, marketplace. */
const TOOLKIT_COMMANDS = { evidence: 'evidence.ts', check: 'check.ts', marketplace: 'marketplace-privacy.ts' };

function runToolkitCommand(command, args) {
  return loadToolkit('cli', TOOLKIT_COMMANDS[command]).main(args);
}

/** `verify FILE [--head HASH]` as { file, head }, or undefined when the arguments are not that. */
function parseArgs(argv) {
  const [command, ...rest] = argv;
  if (command !== 'verify') return undefined;
  let file;
  let head;
  for (let i = 0; i < rest.length; i += 1) {
    if (rest[i] === '--head' && head === undefined && i + 1 < rest.length) head = rest[++i];
    else if (file === undefined && !rest[i].startsWith('--')) file = rest[i];
    else return undefined;
  }
  return file === undefined ? undefined : { file, head };
}

function main(argv) {
  const command = argv[0];
  if (Object.prototype.hasOwnProperty.call(TOOLKIT_COMMANDS, command)) return runToolkitCommand(command, argv.slice(1));
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (!args) {
    process.stderr.write(USAGE);
    return 2;
  }
  const { file, head } = args;
  if (head !== undefined && !HEX64.test(head))
    fail('--head takes the 64 lowercase hexadecimal characters the page showed');
  const { verifyExport, formatReport, formatUnreadable, MAX_EXPORT_CHARS } = loadVerifier();
  let text;
  try {
    // UTF-8 never takes fewer bytes than UTF-16 code units, so this bounds the text (and memory) read.
    const bytes = fs.statSync(file).size;
    if (bytes > MAX_EXPORT_CHARS)
      fail(`${file} cannot be read as a Privacy Panel export: larger than ${MAX_EXPORT_CHARS} bytes`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${error && error.code ? error.code : String(error)}`);
  }
  const report = verifyExport(text, head === undefined ? {} : { expectedHead: head });
  if (!report.readable) {
    process.stderr.write(formatUnreadable(report, file));
    return 2;
  }
  process.stdout.write(formatReport(report, file));
  return report.ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
