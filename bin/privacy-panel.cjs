#!/usr/bin/env node
'use strict';
/**
 * privacy-panel verify FILE [--head HASH] [--witness RECEIPT]… [--since EARLIER] [--lock LOCK]
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
  'usage: privacy-panel verify FILE [--head HASH] [--witness RECEIPT]... [--since EARLIER|SEQ:HASH] [--lock LOCK]\n\n' +
  'Checks a Privacy Panel export (the .json file). --head: the chain ends in the head hash noted at export time.\n' +
  '--witness (repeatable): a receipt an admin kept from the page is in the export. --since: the export extends\n' +
  'an earlier one (or a head kept as SEQ:HASH). --lock: every statement and translation is the published one.\n' +
  'Exit codes: 0 verified, 1 problems found, 2 a file cannot be read (the export or one given with an option).\n' +
  '\n       privacy-panel evidence [DIR] [--manifest FILE] [--json]   what the Forge app at DIR provably does (exit 2: unreadable)' +
  '\n       privacy-panel check [DIR] [--policy DIR]                  its statement against that evidence (exit 1: contradictions)' +
  '\n       privacy-panel marketplace [DIR] [--policy DIR]            its Marketplace Privacy & Security answers' +
  '\n       privacy-panel add [DIR] [--yes] [--dry-run]               add the panel to the Forge app at DIR' +
  '\n       privacy-panel remove [DIR]                                undo add (policy/ stays)' +
  '\n       privacy-panel build [DIR]                                 compile the statement, refresh the page resource' +
  "\n       privacy-panel preview [DIR]                               the panel with DIR's statement on the emulator\n";

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

/** `verify FILE [options]` as the input of verifyExportFile, or undefined when the arguments are not that. */
function parseArgs(argv) {
  const [command, ...rest] = argv;
  if (command !== 'verify') return undefined;
  const args = { witnesses: [] };
  for (let i = 0; i < rest.length; i += 1) {
    const option = { '--head': 'head', '--since': 'since', '--lock': 'lock' }[rest[i]];
    if (option && args[option] === undefined && i + 1 < rest.length) args[option] = rest[++i];
    else if (rest[i] === '--witness' && i + 1 < rest.length) args.witnesses.push(rest[++i]);
    else if (args.file === undefined && !rest[i].startsWith('--')) args.file = rest[i];
    else return undefined;
  }
  return args.file === undefined ? undefined : args;
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
  loadModule('toolkit/export/index')
    .verifyExportFile(args)
    .then(
      ({ code, lines }) => {
        (code === 2 ? process.stderr : process.stdout).write(`${lines.join('\n')}\n`);
        process.exitCode = code;
      },
      (error) => fail(`verify: ${error && error.message ? error.message : String(error)}`),
    );
  return undefined;
}

const code = main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
