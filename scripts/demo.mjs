#!/usr/bin/env node
// `npm run demo`: installs what the lab needs, builds, then runs a mixed Heartline + heartbeat 3.0.6
// cluster in network namespaces on this machine and crashes its nodes in turn.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ensureSystemPackages, repoRoot } from './lib/ensureBuilt.mjs';

if (process.getuid?.() !== 0) {
  console.error(`npm run demo needs root: it creates network namespaces (a bridge and three nodes on
10.213.0.0/24, nothing in your own network), starts two Heartline nodes and one real heartbeat 3.0.6
inside them, crashes them in turn and removes everything at the end. Run it as root (sudo npm run demo).`);
  process.exit(1);
}
ensureSystemPackages();
ensureBuilt();
const { runDemo } = await import(pathToFileURL(join(repoRoot, 'test', 'dist', 'demo', 'runDemo.js')).href);
try {
  await runDemo();
} catch (error) {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
