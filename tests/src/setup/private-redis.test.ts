import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findOnPath } from './prereqs';
import { ping, startPrivateRedis } from './private-redis';

const redisServer = findOnPath('redis-server', process.env.PATH);
// tsx as a loader, not its CLI: the runner must be our direct child (the CLI runs it in a grandchild).
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const runnerScript = join(import.meta.dirname, 'fixtures/redis-runner.ts');

/** A process that is gone or a zombie (nobody may reap orphans in a container) no longer serves. */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** One inline Redis command, the raw reply. */
function command(port: number, line: string): Promise<string> {
  return new Promise((ok, fail) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(`${line}\r\nQUIT\r\n`));
    let reply = '';
    socket.on('data', (b) => (reply += b.toString()));
    socket.on('error', fail);
    socket.on('close', () => ok(reply));
  });
}

/** Waits for the runner's redis to be gone; kills it if it is not, so a failing test leaks nothing. */
async function gone(pid: number, what: string): Promise<void> {
  try {
    await expect.poll(() => alive(pid), { timeout: 10_000, message: what }).toBe(false);
  } finally {
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
}

/** Starts the stand-in runner, returns it with the redis it reported. */
async function runner(mode: 'exit' | 'wait', env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', tsxLoader, runnerScript, mode, redisServer!], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (b) => {
      out += b.toString();
      if (out.includes('\n')) ok(out.split('\n')[0]);
    });
    child.once('exit', (code) => fail(new Error(`runner exited (${code}) before starting redis: ${out}`)));
  });
  return { child, redis: JSON.parse(line) as { pid: number; url: string; dir: string } };
}

const exitOf = (child: ChildProcess) =>
  new Promise<void>((ok) =>
    child.exitCode !== null || child.signalCode !== null ? ok() : child.once('exit', () => ok()),
  );

describe('the private redis-server of a test run', () => {
  it('serves on loopback without persistence, and stop() ends it and removes its folder', async () => {
    expect(redisServer, 'redis-server on PATH').toBeDefined();
    const redis = await startPrivateRedis(redisServer!);
    const port = Number(new URL(redis.url).port);
    expect(new URL(redis.url).hostname).toBe('127.0.0.1');
    expect(await ping(port)).toBe(true);
    expect(await command(port, 'CONFIG GET bind')).toContain('127.0.0.1');
    expect(await command(port, 'CONFIG GET save')).toMatch(/\$4\r\nsave\r\n\$0\r\n/);
    expect(await command(port, 'CONFIG GET appendonly')).toContain('no');
    expect(await command(port, 'CONFIG GET dir')).toContain(redis.dir);
    expect(alive(redis.pid)).toBe(true);
    await redis.stop();
    expect(alive(redis.pid)).toBe(false);
    expect(await ping(port)).toBe(false);
    expect(existsSync(redis.dir)).toBe(false);
  });

  it('dies with a runner that exits without teardown (vitest on Ctrl-C), even without setpriv', async () => {
    // PATH without setpriv: only the exit hook can stop it.
    const { child, redis } = await runner('exit', { PATH: '/nonexistent' });
    await exitOf(child);
    await gone(redis.pid, `redis pid ${redis.pid} still running after its runner exited`);
  });

  it('dies with a runner that is SIGKILLed (setpriv --pdeathsig)', async () => {
    expect(findOnPath('setpriv', process.env.PATH), 'setpriv (util-linux) on PATH').toBeDefined();
    const { child, redis } = await runner('wait', { PATH: process.env.PATH });
    expect(alive(redis.pid)).toBe(true);
    child.kill('SIGKILL');
    await exitOf(child);
    await gone(redis.pid, `redis pid ${redis.pid} outlived its SIGKILLed runner`);
  });
});
