import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html';
import { markdownCode, markdownText } from './markdown';
import { terminalLines, terminalText } from './terminal';

/** Any string, with the characters that matter here much more likely than in plain random text. */
const nasty = fc.string({
  unit: fc.oneof(
    fc.constantFrom('<', '>', '&', '"', "'", '|', '`', '\\', '*', '_', '[', ']', '\n', '\r', '\t'),
    fc.constantFrom('\u001b', '\u0007', '\u0000', '\u007f', '\u009b', '\u202e', '\u2066', '\u2028'),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('escapeHtml', () => {
  it('leaves no markup character and no control; decoding the entities gives the text back', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const e = escapeHtml(s);
        expect(e).not.toMatch(/[<>"']/);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
        expect(e).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
        // Every & starts one of the five entities.
        expect(e.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        const decoded = e
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&');
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
        expect(decoded).toBe(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\ufffd'));
      }),
    );
  });

  it('escapes a script tag and an attribute break-out', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml('" onload="x')).toBe('&quot; onload=&quot;x');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('terminal text', () => {
  it('one-line text keeps no control, newline or bidi override; plain text is unchanged', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const t = terminalText(s);
        expect(t).not.toMatch(CONTROL);
        expect(t).not.toMatch(/[\n\t\u2028\u2029]/);
      }),
    );
    expect(terminalText('engine-parts line (Weihai) 发动机')).toBe('engine-parts line (Weihai) 发动机');
  });

  it('shows an escape sequence as \\u001b instead of sending it', () => {
    expect(terminalText('a\u001b[2Jb\nc')).toBe('a\\u001b[2Jb\\u000ac');
    expect(terminalLines('line 1\n\u001b[31mline 2\u202e')).toBe('line 1\n\\u001b[31mline 2\\u202e');
  });

  it('lines keep their newlines and tabs, and lose every other control', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const t = terminalLines(s);
        expect(t).not.toMatch(CONTROL);
        expect(t.split('\n').length).toBe(s.split('\n').length);
      }),
    );
  });
});

describe('markdown text', () => {
  /** Splits a GFM table row into cells at unescaped pipes. */
  const cells = (row: string) => row.split(/(?<!\\)\|/);

  it('stays inside its table cell and on its line', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        for (const m of [markdownText(s), markdownCode(s)]) {
          expect(m).not.toMatch(/[\n\r\u2028\u2029]/);
          expect(m).not.toMatch(CONTROL);
          expect(cells(`| ${m} | 1 |`)).toHaveLength(4);
        }
        expect(markdownCode(s)).not.toContain('`');
      }),
    );
  });

  it('escapes every inline metacharacter with a backslash, so the text renders literally', () => {
    expect(markdownText('a|b *c* _d_ [e](f) <g> `h` \\ ~i~ &amp;')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\`h\\` \\\\ \\~i\\~ \\&amp;',
    );
    expect(markdownText('line\nbreak\u001b')).toBe('line\\\\u000abreak\\\\u001b');
  });
});
