import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** Writes a file atomically: a temporary file beside it, then a rename (readers never see half a file). */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * Streams bytes into `FILE.partial` and renames it to FILE on `commit()`; `abort()` deletes the partial file.
 * A crashed run leaves only a `.partial`, never a truncated file under the final name.
 */
export class StreamedFile {
  private readonly fd: number;
  private readonly partial: string;
  private done = false;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.partial = `${file}.partial`;
    this.fd = openSync(this.partial, 'w');
  }

  write(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset);
  }

  commit(): void {
    if (this.done) return;
    this.done = true;
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.partial, this.file);
  }

  abort(): void {
    if (this.done) return;
    this.done = true;
    closeSync(this.fd);
    rmSync(this.partial, { force: true });
  }
}
