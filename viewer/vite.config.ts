import { execFileSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = join(dirname(fileURLToPath(import.meta.url)), 'scripts');

/** Where the app looks for the sample (relative to the page): see src/data/load.ts. */
const SAMPLE_PATH = 'sample/sample.ftrec';

/** Runs scripts/make-sample.ts (the simulation needs the TypeScript workspace packages: through tsx). */
function writeSample(outFile: string): void {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  execFileSync(process.execPath, [tsx, join(here, 'make-sample.ts'), outFile], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * The bundled sample recording: `vite build` writes it into the build (dist/sample/sample.ftrec), the dev
 * server makes it on first request. FT_VIEWER_SAMPLE=off leaves it out (the app then shows its open screen).
 */
function sampleRecording(): Plugin {
  let outDir = 'dist';
  const off = process.env.FT_VIEWER_SAMPLE === 'off';
  return {
    name: 'factory-twin-sample-recording',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      if (!off) writeSample(join(outDir, SAMPLE_PATH));
    },
    configureServer(server) {
      if (off) return;
      const file = resolve(server.config.cacheDir, SAMPLE_PATH);
      server.middlewares.use(`/${SAMPLE_PATH}`, (_req, res) => {
        writeSample(file);
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Length', statSync(file).size);
        createReadStream(file).pipe(res);
      });
    },
  };
}

// base './' lets the static build open from any folder or file server.
export default defineConfig({
  base: './',
  plugins: [react(), sampleRecording()],
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
