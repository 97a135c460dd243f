import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findOnPath, type Located, locateTools, missingMessage, planPrereqs } from './prereqs';

const both: Located = { chromium: '/usr/bin/chromium', 'redis-server': '/usr/bin/redis-server' };
const none: Located = { chromium: undefined, 'redis-server': undefined };
const root = { isRoot: true, hasAptGet: true };
const user = { isRoot: false, hasAptGet: true };

describe('planPrereqs: what npm test does about chromium and redis-server', () => {
  it('does nothing when both are there', () => {
    expect(planPrereqs(both, root)).toEqual({ action: 'ready' });
    expect(planPrereqs(both, user)).toEqual({ action: 'ready' });
  });

  it('as root on Debian: apt-get update, then installs exactly the missing packages', () => {
    expect(planPrereqs(none, root)).toEqual({
      action: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'chromium', 'redis-server'],
      ],
    });
    const plan = planPrereqs({ ...both, 'redis-server': undefined }, root);
    expect(plan.action === 'install' && plan.commands[1].slice(4)).toEqual(['redis-server']);
  });

  it('never plans a browser download', () => {
    const plan = planPrereqs(none, root);
    expect(JSON.stringify(plan)).not.toMatch(/playwright|npx|curl|wget/);
  });

  it('not root: stops with a message naming each missing tool and the command to install it', () => {
    const plan = planPrereqs({ ...both, chromium: undefined }, user);
    expect(plan.action).toBe('fail');
    const message = plan.action === 'fail' ? plan.message : '';
    expect(message).toContain('chromium');
    expect(message).not.toContain("'redis-server'");
    expect(message).toContain('sudo apt-get update && sudo apt-get install -y chromium');
    expect(message).toContain('CHROMIUM_PATH');
  });

  it('root without apt-get (not Debian): stops and says what to install', () => {
    const plan = planPrereqs(none, { isRoot: true, hasAptGet: false });
    expect(plan.action).toBe('fail');
    expect(plan.action === 'fail' && plan.message).toMatch(
      /chromium redis-server with your system's package manager/,
    );
  });

  it('a CHROMIUM_PATH that is wrong is reported, not papered over with apt-get', () => {
    const plan = planPrereqs({ ...both, chromium: undefined }, { ...root, chromiumPath: '/opt/nope/chrome' });
    expect(plan.action).toBe('fail');
    expect(plan.action === 'fail' && plan.message).toContain('/opt/nope/chrome');
  });

  it('the message lists both tools when both are missing', () => {
    const message = missingMessage(['chromium', 'redis-server'], user);
    expect(message).toContain('sudo apt-get install -y chromium redis-server');
    expect(message).toContain('tests/src/browser');
    expect(message).toContain('tests/src/distributed');
  });
});

describe('locating the tools', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ft-prereqs-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const fake = (name: string, mode: number) => {
    writeFileSync(join(bin, name), '#!/bin/sh\n');
    chmodSync(join(bin, name), mode);
  };
  fake('redis-server', 0o755);
  fake('chromium', 0o644); // not executable: does not count
  fake('apt-get', 0o755); // only looked for, never run (--dry-run)
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds executables on PATH only', () => {
    expect(findOnPath('redis-server', `/nonexistent:${bin}`)).toBe(join(bin, 'redis-server'));
    expect(findOnPath('chromium', bin)).toBeUndefined();
    expect(locateTools({ PATH: bin })).toEqual({
      chromium: undefined,
      'redis-server': join(bin, 'redis-server'),
    });
  });

  it('CHROMIUM_PATH, when set, is the only chromium looked at', () => {
    fake('my-chromium', 0o755);
    expect(locateTools({ PATH: bin, CHROMIUM_PATH: join(bin, 'my-chromium') }).chromium).toBe(
      join(bin, 'my-chromium'),
    );
    expect(locateTools({ PATH: bin, CHROMIUM_PATH: join(bin, 'chromium') }).chromium).toBeUndefined();
  });

  it('install-prereqs --dry-run on a PATH without the tools: plans apt-get as root, else says what to install', () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const script = join(import.meta.dirname, 'install-prereqs.ts');
    const run = spawnSync(process.execPath, [tsx, script, '--dry-run'], {
      env: { PATH: bin },
      encoding: 'utf8',
    });
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/chromium \(missing\)/);
    if (process.getuid?.() === 0) {
      expect(run.status).toBe(0);
      // Only the missing one: the fake redis-server on this PATH counts as installed.
      expect(output).toMatch(
        /would run: apt-get update -qq\n== would run: apt-get install -y -qq chromium\n/,
      );
    } else {
      expect(run.status).toBe(1);
      expect(output).toContain('sudo apt-get install -y chromium');
    }
  });
});
