#!/usr/bin/env node
// After `tsc -b`: bundles the compiled runtime entries of @heartline/core, the CLI's lean `ha start`
// and the UDP transport into each package's dist/bundle/, so that a running node loads 27 modules of
// its own instead of 242 (each costs resident memory for as long as the daemon runs: docs/performance.md).
// Every bare import stays external — dependencies and the other @heartline packages alike — so that
// core is one module instance for every consumer: plugins, the CLI and tests all import
// `@heartline/core`, which now resolves to core's bundle; its entries (index, sdk, errors, testing)
// are built together with code splitting, so a class or token reachable from two entries lives in
// one shared chunk. dist/src stays as it is (types, the other plugins' manifests, tests of the internals).
// Writes only files whose content changed and then removes outputs of earlier builds, so a process
// already running from dist/bundle is not disturbed by a rebuild that changed nothing.
// `node scripts/bundle.mjs [--clean]`; run by `npm run build` and scripts/lib/ensureBuilt.mjs.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Per package: output name → compiled entry under dist/src. The package.json `exports` (and bin/ha.js
 * for the CLI) point at dist/bundle/<name>.js.
 */
const BUNDLES = [
  { dir: 'packages/core', entries: { index: 'index.js', sdk: 'sdk.js', errors: 'errors/HaError.js', testing: 'testing.js' } },
  // Only what bin/ha.js runs for `ha start`; oclif's commands stay unbundled (oclif loads them by path).
  { dir: 'packages/cli', entries: { start: 'start/runLeanStart.js' } },
  // The medium every lab and most sites use; its manifest names the bundle's export.
  { dir: 'packages/transport-udp', entries: { index: 'index.js' } },
];

/**
 * A compiled module that reads `import.meta.url` (its package root, a file beside it) keeps the
 * answer it had in dist/src: every output sits flat in dist/bundle/, so its own location is
 * `../src/<path>` relative to whichever output file it lands in.
 */
function importMetaUrlAsInSource(srcDir) {
  return {
    name: 'import-meta-url-as-in-source',
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, (args) => {
        const contents = readFileSync(args.path, 'utf8');
        if (!contents.includes('import.meta.url')) return undefined;
        const asInSource = `../src/${relative(srcDir, args.path).split('\\').join('/')}`;
        return { contents: contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(asInSource)}, import.meta.url).href`), loader: 'js' };
      });
    },
  };
}

/**
 * reflect-metadata must run before tsyringe loads (it refuses to otherwise) and before any decorated
 * class is defined (tsc's __metadata records nothing without it). The sources import it first, but
 * with code splitting an entry imports its chunks before its own imports, so every output that
 * imports tsyringe or records decorator metadata imports reflect-metadata first itself; the others
 * (sdk, errors) stay without it. Prepended on line 1 so that the source map's lines still hold.
 */
function reflectMetadataFirst(text) {
  if (!text.includes('from "tsyringe"') && !text.includes('Reflect.metadata')) return text;
  return text.startsWith(REFLECT_FIRST) ? text : REFLECT_FIRST + text;
}
const REFLECT_FIRST = 'import "reflect-metadata";';

async function bundle({ dir, entries }) {
  const pkgDir = join(repoRoot, dir);
  const srcDir = join(pkgDir, 'dist', 'src');
  const outDir = join(pkgDir, 'dist', 'bundle');
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(srcDir, file)])),
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Class and function names stay what they were: error messages, logs and tsyringe's diagnostics show them.
    keepNames: true,
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    plugins: [importMetaUrlAsInSource(srcDir)],
  });
  mkdirSync(outDir, { recursive: true });
  const written = new Set();
  let changed = 0;
  for (const file of result.outputFiles) {
    written.add(file.path);
    const contents = file.path.endsWith('.js') ? reflectMetadataFirst(file.text) : file.text;
    if (existsSync(file.path) && readFileSync(file.path, 'utf8') === contents) continue;
    writeFileSync(file.path, contents);
    changed++;
  }
  const stale = readdirSync(outDir).map((f) => join(outDir, f)).filter((f) => !written.has(f));
  for (const file of stale) rmSync(file, { force: true });
  return { dir, files: written.size, changed, removed: stale.length };
}

if (process.argv.includes('--clean')) {
  for (const { dir } of BUNDLES) rmSync(join(repoRoot, dir, 'dist', 'bundle'), { recursive: true, force: true });
} else {
  for (const b of BUNDLES) {
    const r = await bundle(b);
    if (r.changed > 0 || r.removed > 0) console.log(`bundle ${r.dir}/dist/bundle: ${r.files} files, ${r.changed} written, ${r.removed} removed`);
  }
}
