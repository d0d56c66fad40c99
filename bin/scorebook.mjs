#!/usr/bin/env node
// Runs the TypeScript sources through tsx's loader, so `npm install` is the only set-up step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
