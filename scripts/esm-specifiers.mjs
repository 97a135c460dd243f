// Completes relative import specifiers in compiled output, for Node's ESM loader.
//
// The sources import './engine/simulation' without an extension (moduleResolution "bundler": vite,
// vitest and tsx resolve it), and tsc emits specifiers as written. Node needs the file: './engine/simulation.js'
// or './engine/index.js'. After `tsc -b tsconfig.build.json`, this rewrites every relative specifier of
// the emitted .js and .d.ts files under the given dist folders to the compiled file it names, and fails
// (exit 1, naming file and specifier) when that file does not exist. Idempotent: a complete specifier
// is left as it is, so an incremental build may run it again over files it did not re-emit.
//
// Usage: node scripts/esm-specifiers.mjs sim-core/dist scenarios/dist
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// `from '…'`, `import '…'`, `import('…')` (also in .d.ts type positions) with a './' or '../' specifier.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"\n]*)\2/g;
// Declaration-only output of the type-check build (tsconfig.json), beside the build's own.
const SKIPPED = new Set(['types', 'test-types']);

function* outputFiles(dir, top = true) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!(top && SKIPPED.has(name))) yield* outputFiles(path, false);
    } else if (name.endsWith('.js') || name.endsWith('.d.ts')) yield path;
  }
}

/** The complete specifier for `spec` written in `file`, or undefined when no compiled file matches. */
function complete(file, spec) {
  if (/\.(m?js|json)$/.test(spec)) return existsSync(resolve(dirname(file), spec)) ? spec : undefined;
  const target = resolve(dirname(file), spec);
  if (existsSync(`${target}.js`)) return `${spec}.js`;
  if (existsSync(join(target, 'index.js'))) return `${spec.replace(/\/$/, '')}/index.js`;
  return undefined;
}

let changed = 0;
const problems = [];
for (const root of process.argv.slice(2)) {
  for (const file of outputFiles(resolve(root))) {
    const text = readFileSync(file, 'utf8');
    const next = text.replace(SPECIFIER, (whole, lead, quote, spec) => {
      const full = complete(file, spec);
      if (full === undefined) {
        problems.push(`${file}: no compiled file for '${spec}'`);
        return whole;
      }
      return `${lead}${quote}${full}${quote}`;
    });
    if (next !== text) {
      writeFileSync(file, next);
      changed += 1;
    }
  }
}
if (problems.length > 0) {
  process.stderr.write(
    `esm-specifiers: ${problems.length} unresolved specifier(s)\n${problems.join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(`esm-specifiers: ${changed} file(s) completed\n`);
