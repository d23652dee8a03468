#!/usr/bin/env node
// `npm run demo`: installs what the lab needs, builds, then runs a Heartline node and a heartbeat 3.0.6
// node in network namespaces on this machine, each with a resource group, and cuts their power in turn.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ensureSystemPackages, repoRoot } from './lib/ensureBuilt.mjs';

if (process.getuid?.() !== 0) {
  console.error(`npm run demo needs root: it creates network namespaces (a bridge and two nodes on
10.213.0.0/24, nothing in your own network), starts a Heartline node and a real heartbeat 3.0.6 inside
them with a group of services each, cuts their power in turn and removes everything at the end. Run it
as root (sudo npm run demo).`);
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
