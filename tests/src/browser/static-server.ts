import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** A connect-style handler tried before the files (the local optimise API's `handle`). */
export type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Serves folders on 127.0.0.1 (a free port): `mounts` maps a URL prefix ('/' or '/runs/') to a folder;
 * `handler` answers first (else the files). Only for the browser tests and the benchmark.
 */
export async function serveStatic(mounts: Record<string, string>, handler?: Handler): Promise<StaticServer> {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const serveFile = (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = entries.find(([prefix]) => path.startsWith(prefix));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    const root = resolve(mount[1]);
    let file = normalize(join(root, path.slice(mount[0].length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': size,
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end();
    }
  };
  const server: Server = createServer((req, res) =>
    handler ? handler(req, res, () => serveFile(req, res)) : serveFile(req, res),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
