/**
 * Line and column of the value at a JSON path in a (valid) JSON text, or of its nearest existing
 * ancestor. Scans the text itself, without building a document model: each container on a located
 * path is indexed once (its children's offsets), so locating many paths costs about the text's length
 * times the paths' depth, and memory stays proportional to the indexed containers' sizes.
 */
export function jsonLocator(text: string) {
  const children = new Map<number, Map<string | number, number>>();
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
  const index = (start: number): Map<string | number, number> => {
    let map = children.get(start);
    if (map !== undefined) return map;
    map = new Map();
    children.set(start, map);
    const open = text[start];
    if (open !== '{' && open !== '[') return map;
    let i = ws(start + 1);
    let n = 0;
    while (i < text.length && text[i] !== '}' && text[i] !== ']') {
      if (open === '{') {
        const keyEnd = skipString(i);
        const key = JSON.parse(text.slice(i, keyEnd)) as string;
        i = ws(ws(keyEnd) + 1); // past ':'
        if (!map.has(key)) map.set(key, i);
      } else map.set(n++, i);
      i = ws(skipValue(i));
      if (text[i] === ',') i = ws(i + 1);
    }
    return map;
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
        const next = index(at).get(typeof seg === 'number' && text[at] === '[' ? seg : String(seg));
        if (next === undefined) break;
        at = next;
      }
      return lineColumn(at);
    },
  };
}
