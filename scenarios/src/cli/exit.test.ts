import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../run/unavailable';
import { ScenarioError } from '../scenario/errors';
import {
  EXIT,
  EXIT_CODES,
  EXIT_CODES_HELP,
  IncompleteResults,
  reportError,
  UsageError,
  VerificationMismatch,
} from './exit';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows of the first Markdown table after `heading`, as trimmed cells. */
function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.slice(markdown.indexOf(heading)).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  }
  return rows;
}

describe('exit codes', () => {
  it('scenarios/README.md documents exactly the codes of exit.ts, with the same meaning and commands', () => {
    expect(tableAfter(README, '### Exit codes')).toEqual(
      EXIT_CODES.map((e) => [String(e.code), e.meaning, e.commands]),
    );
  });

  it('every code in EXIT is in the table once, and --help lists them all', () => {
    expect(EXIT_CODES.map((e) => e.code).sort((a, b) => a - b)).toEqual(
      Object.values(EXIT).sort((a, b) => a - b),
    );
    for (const e of EXIT_CODES) expect(EXIT_CODES_HELP).toMatch(new RegExp(`\\n\\s+${e.code}  `));
  });

  it('each kind of error gets its code and one line (two with a hint), without a stack trace', () => {
    const cases: [unknown, number][] = [
      [new ScenarioError([{ file: 'a.json', path: 'x', message: 'bad' }]), EXIT.badInput],
      [new UsageError('bad argument'), EXIT.badInput],
      [new VerificationMismatch('differs'), EXIT.mismatch],
      [new IncompleteResults('3 runs missing'), EXIT.incomplete],
      [new UnavailableError('cannot reach Redis', 'start it, then run again'), EXIT.unavailable],
      [new Error('boom'), EXIT.runFailure],
    ];
    for (const [error, code] of cases) {
      let err = '';
      expect(reportError(error, (s) => (err += s))).toBe(code);
      expect(err).not.toMatch(/\n\s+at /);
      expect(err.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
    }
  });

  it('control characters in a message are shown, not sent to the terminal', () => {
    let err = '';
    reportError(new UsageError('no variant "\u001b[2Jx"'), (s) => (err += s));
    expect(err).toBe('error: no variant "\\u001b[2Jx"\n');
  });
});
