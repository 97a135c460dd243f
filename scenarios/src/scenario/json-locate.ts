/**
 * Line and column of the value at a JSON path in a (valid) JSON text, or of its nearest existing
 * ancestor. Scans the text itself, without building a document model: a container on a located path is
 * scanned once, as far as the children asked for, so locating many paths costs about the text's length
 * times the paths' depth.
 */
export function jsonLocator(text: string) {
  const scans = new Map<
    number,
    { isObject: boolean; next: number; offsets: number[]; keys: Map<string, number>; done: boolean }
  >();
  let lineStarts: number[] | undefined;

  const ws = (i: number) => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return i;
    }
  };
  /** The offset just past the string starting at `i` (text[i] is '"'). */
  const skipString = (i: number) => {
    for (let k = i + 1; ; ) {
      const q = text.indexOf('"', k);
      if (q < 0) return text.length;
      let slashes = 0;
      while (text.charCodeAt(q - 1 - slashes) === 0x5c) slashes++;
      if (slashes % 2 === 0) return q + 1;
      k = q + 1;
    }
  };
  /** The offset just past the value starting at `i` (iterative: nesting cannot blow the stack). */
  const skipValue = (i: number) => {
    let depth = 0;
    for (;;) {
      const c = text[i];
      if (c === '"') i = skipString(i);
      else if (c === '{' || c === '[') {
        depth++;
        i++;
      } else if (c === '}' || c === ']') {
        depth--;
        i++;
      } else if (c === undefined) return i;
      else {
        i++;
        if (depth === 0) {
          while (i < text.length && !',}] \t\r\n'.includes(text[i])) i++;
          return i;
        }
        continue;
      }
      if (depth === 0) return i;
    }
  };
  /**
   * The offset of child `key` of the container at `start`, scanning its children only as far as needed
   * and remembering where it stopped (an array's offsets in a plain number array: a long list of
   * machines costs 8 bytes per element scanned, not a map entry).
   */
  const childAt = (start: number, key: PropertyKey): number | undefined => {
    let scan = scans.get(start);
    if (scan === undefined) {
      const open = text[start];
      if (open !== '{' && open !== '[') return undefined;
      scan = { isObject: open === '{', next: ws(start + 1), offsets: [], keys: new Map(), done: false };
      scans.set(start, scan);
    }
    const wanted = scan.isObject
      ? typeof key === 'string'
        ? key
        : undefined
      : typeof key === 'number'
        ? key
        : undefined;
    if (wanted === undefined) return undefined;
    for (;;) {
      const found = scan.isObject ? scan.keys.get(wanted as string) : scan.offsets[wanted as number];
      if (found !== undefined || scan.done) return found;
      let i = scan.next;
      if (i >= text.length || text[i] === '}' || text[i] === ']') {
        scan.done = true;
        continue;
      }
      if (scan.isObject) {
        const keyEnd = skipString(i);
        const name = JSON.parse(text.slice(i, keyEnd)) as string;
        i = ws(ws(keyEnd) + 1); // past ':'
        if (!scan.keys.has(name)) scan.keys.set(name, i);
      } else scan.offsets.push(i);
      i = ws(skipValue(i));
      if (text[i] === ',') i = ws(i + 1);
      scan.next = i;
    }
  };
  const lineColumn = (offset: number) => {
    if (lineStarts === undefined) {
      lineStarts = [0];
      for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) lineStarts.push(k + 1);
    }
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
  const root = ws(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  return {
    locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined {
      if (root >= text.length) return undefined;
      let at = root;
      for (const seg of path) {
        const next = childAt(at, typeof seg === 'number' && text[at] === '[' ? seg : String(seg));
        if (next === undefined) break;
        at = next;
      }
      return lineColumn(at);
    },
  };
}
