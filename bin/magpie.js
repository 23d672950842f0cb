#!/usr/bin/env node
// The `magpie` command. A global install runs the compiled CLI (out/cli, built by
// `npm run build:cli`, which `npm pack` runs first), because Node will not strip types
// inside node_modules; a clone without a build runs the TypeScript source directly.
/* global URL */
import { existsSync } from 'node:fs';

const built = new URL('../out/cli/magpie.mjs', import.meta.url);
const source = new URL('../main/cli/magpie.ts', import.meta.url);
await import(existsSync(built) ? built.href : source.href);
