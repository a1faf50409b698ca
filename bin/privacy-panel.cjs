#!/usr/bin/env node
'use strict';
/**
 * privacy-panel verify FILE [--head HASH]
 * privacy-panel evidence|check|marketplace [DIR]   (toolkit/cli)
 * privacy-panel add|remove|build|preview [DIR]   (toolkit/cli/host/main.ts, dev/preview/host.ts)
 *
 * Checks an export file offline. Exit codes: 0 verified, 1 problems found, 2 the file cannot be read as an
 * export (usage, I/O, not JSON, another format, too large or deep, absurd numbers), with a one-line reason.
 * Runs straight from a clone after `npm ci`: tsx (scoped to this one require) loads the TypeScript sources,
 * so there is no build step; an installed package runs its compiled dist/cli.
 */
const fs = require('node:fs');
const path = require('node:path');

const USAGE =
  'usage: privacy-panel verify FILE [--head HASH]\n\n' +
  'Checks a Privacy Panel export (the .json file). With --head, also checks that the chain ends in the head\n' +
  'hash noted at export time. Exit codes: 0 verified, 1 problems found, 2 the file cannot be read as an export.\n' +
  '\n       privacy-panel evidence [DIR] [--manifest FILE] [--json]   what the Forge app at DIR provably does (exit 2: unreadable)' +
  '\n       privacy-panel check [DIR] [--policy DIR]                  its statement against that evidence (exit 1: contradictions)' +
  '\n       privacy-panel marketplace [DIR] [--policy DIR]            its Marketplace Privacy & Security answers' +
  '\n       privacy-panel add [DIR] [--yes] [--dry-run]               add the panel to the Forge app at DIR' +
  '\n       privacy-panel remove [DIR]                                undo add (policy/ stays)' +
  '\n       privacy-panel build [DIR]                                 compile the statement, refresh the page resource' +
  "\n       privacy-panel preview [DIR]                               the panel with DIR's statement on the emulator\n";
const HEX64 = /^[0-9a-f]{64}$/;

function fail(message) {
  process.stderr.write(`privacy-panel: ${message}\n`);
  process.exit(2);
}

/**
 * In a clone, the TypeScript source through tsx (never a stale build); in an installed package, which ships no
 * sources, the compiled module in dist/cli.
 */
function loadModule(relative) {
  const source = path.join(__dirname, '..', `${relative}.ts`);
  if (!fs.existsSync(source)) return require(path.join(__dirname, '..', 'dist', 'cli', `${relative}.js`));
  let tsx;
  try {
    tsx = require('tsx/cjs/api');
  } catch {
    fail('cannot load tsx; run `npm ci` in the repository first');
  }
  return tsx.require(source, __filename);
}

/** Commands that run a toolkit CLI module's `main(argv)`: evidence, check, marketplace. */
const TOOLKIT_COMMANDS = { evidence: 'evidence', check: 'check', marketplace: 'marketplace-privacy' };

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

const HOST_COMMANDS = ['add', 'remove', 'build', 'preview'];

function main(argv) {
  const command = argv[0];
  if (Object.prototype.hasOwnProperty.call(TOOLKIT_COMMANDS, command)) {
    return loadModule(`toolkit/cli/${TOOLKIT_COMMANDS[command]}`).main(argv.slice(1));
  }
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
  const args = parseArgs(argv);
  if (!args) {
    process.stderr.write(USAGE);
    return 2;
  }
  const { file, head } = args;
  if (head !== undefined && !HEX64.test(head))
    fail('--head takes the 64 lowercase hexadecimal characters the page showed');
  const { verifyExport, formatReport, formatUnreadable, MAX_EXPORT_CHARS } = loadModule('toolkit/export/index');
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

const code = main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
