import type { Deadline } from './deadline';
import { clip } from './errors';

/** Deepest nesting of objects and arrays accepted in a scenario file (a real one nests about 8 deep). */
export const MAX_NESTING = 100;

/**
 * Finds the first syntax error in a JSON text (RFC 8259), with its offset, so a broken scenario file is
 * reported as `file:line:col` (Node's JSON.parse does not always say where). Returns null for valid JSON.
 */
export function findJsonSyntaxError(
  text: string,
  deadline?: Deadline,
): { offset: number; message: string } | null {
  let i = 0;
  let values = 0;
  const fail = (message: string): never => {
    throw new JsonSyntaxFailure(i, message);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
      i++;
  };
  const describe = () => (i >= text.length ? 'end of file' : JSON.stringify(text[i]));
  const value = (depth: number): void => {
    if (depth > MAX_NESTING) fail(`nested deeper than ${MAX_NESTING} levels`);
    if ((++values & 0x1fff) === 0) deadline?.check();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      const keys = new Set<string>();
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
        const keyStart = i;
        string();
        const key = text.slice(keyStart, i);
        if (keys.has(key)) {
          i = keyStart;
          fail(`duplicate key ${clip(key)}`);
        }
        keys.add(key);
        ws();
        if (text[i] !== ':') fail(`expected ':' after the property name, found ${describe()}`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') fail("trailing comma before '}'");
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}', found ${describe()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail("trailing comma before ']'");
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']', found ${describe()}`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      number();
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(`expected a value, found ${describe()}`);
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('bad escape in string');
        continue;
      }
      if (c < ' ') fail('control character in string (use an escape)');
      i++;
    }
    fail('unterminated string');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null) fail('bad number');
    i += m![0].length;
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value(0);
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the document`);
    return null;
  } catch (error) {
    if (error instanceof JsonSyntaxFailure) return { offset: error.offset, message: error.message };
    throw error;
  }
}

class JsonSyntaxFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** 1-based line and column of a string offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
