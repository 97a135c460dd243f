/**
 * Serves the viewer's static build with one recording loaded: `serve-run [RECORDING] [--port N]`, and the
 * local optimise API (`/api/optimise`: the layout editor runs `factory-twin optimise` through it, jobs in
 * runs/optimise/ of the repository). Builds the viewer first when the build is missing or older than its
 * sources. Binds to 127.0.0.1.
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { optimiseApi } from '@factory-twin/scenarios';
import { build, type Plugin, preview } from 'vite';

const viewerDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUN_URL = 'runs/current.ftrec';

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const index = join(viewerDir, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(
    newestMtimeMs(join(viewerDir, 'src')),
    newestMtimeMs(join(viewerDir, '..', 'sim-core', 'src')),
    newestMtimeMs(join(viewerDir, '..', 'scenarios', 'src')),
  );
  return statSync(index).mtimeMs < sources;
}

/** The local optimise API (scenarios/src/optimise/api): its jobs go to runs/optimise/ of the repository. */
const api = optimiseApi({ projectRoot: resolve(viewerDir, '..') });

function serveApi(): Plugin {
  return {
    name: 'factory-twin-optimise-api',
    configurePreviewServer(server) {
      server.middlewares.use(api.handle);
    },
  };
}

function serveRecording(file: string): Plugin {
  return {
    name: 'factory-twin-serve-recording',
    configurePreviewServer(server) {
      server.middlewares.use(`/${RUN_URL}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Length', statSync(file).size);
        res.setHeader('Cache-Control', 'no-store');
        createReadStream(file).pipe(res);
      });
    },
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portFlag = args.indexOf('--port');
  const port = portFlag >= 0 ? Number(args[portFlag + 1]) : 5173;
  // Paths are the user's: relative to where they ran the command (pnpm runs scripts in the package dir).
  const given = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port');
  const file = given === undefined ? undefined : resolve(process.env.INIT_CWD ?? process.cwd(), given);
  if (file !== undefined && !existsSync(file)) {
    process.stderr.write(`serve-run: no recording at ${file}\nusage: serve-run [RECORDING] [--port N]\n`);
    process.exit(2);
  }
  if (buildIsStale()) {
    process.stdout.write('Building the viewer…\n');
    await build({ root: viewerDir, logLevel: 'warn' });
  }
  const server = await preview({
    root: viewerDir,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: false, open: false },
    plugins: [serveApi(), ...(file === undefined ? [] : [serveRecording(file)])],
  });
  // Ctrl-C or a stop: the running optimisation (a child process) stops with the server.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void api.close().finally(() => process.exit(130));
    });
  const base = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  process.stdout.write(
    file === undefined
      ? `\nThe viewer is serving the sample and the layout editor\n  open ${base}?mode=edit\n  (Ctrl-C stops it)\n`
      : `\nThe viewer is serving ${file}\n  open ${base}?run=${RUN_URL}\n  layout editor and optimiser: ${base}?mode=edit\n  (Ctrl-C stops it)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`serve-run: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
