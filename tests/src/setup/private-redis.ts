import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOnPath } from './prereqs';

// A private redis-server for one test run: loopback only, a free port, no persistence, its working
// directory in a fresh temp folder. It is a child process (not a daemon), so it cannot outlive the
// run: stop() ends it; a hook on process exit kills it if the run ends without teardown (vitest exits
// on Ctrl-C without running teardowns); and where util-linux's setpriv exists it is started with a
// parent-death signal, so even a SIGKILLed test runner takes it down.

export interface PrivateRedis {
  url: string;
  port: number;
  pid: number;
  dir: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;
const PORT_ATTEMPTS = 3;

/** Starts one on `port`, or on a free port (retried if another process takes it first). */
export async function startPrivateRedis(redisServer: string, port?: number): Promise<PrivateRedis> {
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < (port === undefined ? PORT_ATTEMPTS : 1); attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'ft-redis-'));
    const tryPort = port ?? (await freePort());
    try {
      return await launch(redisServer, dir, tryPort);
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      lastError = e as Error;
      // Another process may have taken the port between probing and binding: try another one.
      if (!/address already in use/i.test(lastError.message)) break;
    }
  }
  throw lastError;
}

async function launch(redisServer: string, dir: string, port: number): Promise<PrivateRedis> {
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--daemonize',
    'no',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
    '--logfile',
    '',
  ];
  const setpriv = findOnPath('setpriv', process.env.PATH);
  const child = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'SIGKILL', '--', redisServer, ...args], { cwd: dir, stdio: 'pipe' })
    : spawn(redisServer, args, { cwd: dir, stdio: 'pipe' });
  let log = '';
  const keep = (b: Buffer) => {
    log = (log + b.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(late);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForPong(port, child);
  } catch (e) {
    await stop();
    throw new Error(
      `redis-server did not start on 127.0.0.1:${port}: ${(e as Error).message}\n${log.trim()}`,
    );
  }
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid!, dir, stop };
}

/** Resolves once the server answers PING; rejects if the process exits or it takes too long. */
async function waitForPong(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`it exited (${child.exitCode ?? child.signalCode})`);
    if (await ping(port)) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`no answer to PING within ${READY_TIMEOUT_MS / 1000} s`);
}

export function ping(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (v: boolean) => {
      socket.destroy();
      ok(v);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (b) => {
      reply += b.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** A loopback port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
