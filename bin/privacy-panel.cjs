#!/usr/bin/env node
'use strict';
// The `privacy-panel` command: toolkit/cli/main.ts. An installed package runs its build (dist/cli); a clone
// of the repository, which has no build of it after `npm ci`, runs the TypeScript source through tsx.
const fs = require('node:fs');
const path = require('node:path');

const built = path.join(__dirname, '..', 'dist', 'cli', 'toolkit', 'cli', 'main.js');
const source = path.join(__dirname, '..', 'toolkit', 'cli', 'main.ts');
const cli = fs.existsSync(source) ? require('tsx/cjs/api').require(source, __filename) : require(built);
cli.runCliProcess(process.argv.slice(2));
