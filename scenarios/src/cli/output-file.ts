import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../run/files';
import { UsageError } from './exit';

/** Why a file cannot be written there, or null: checked before a long run, so a typo does not cost the run. */
function whyNotWritable(file: string): string | null {
  if (existsSync(file) && statSync(file).isDirectory()) return 'it is a folder';
  let dir = dirname(file);
  while (!existsSync(dir)) dir = dirname(dir);
  if (!statSync(dir).isDirectory()) return `${dir} is a file, not a folder`;
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return `no permission to write in ${dir}`;
  }
  return null;
}

/** A UsageError (exit 2) when `flag FILE` cannot be written; call it before any run starts. */
export function checkOutputFile(file: string, flag: string): void {
  const why = whyNotWritable(file);
  if (why !== null) throw new UsageError(`${flag} ${file}: cannot write there: ${why}`);
}

/** Writes `flag FILE` atomically (temporary file, then rename): a failure leaves no file and names the flag. */
export function writeOutputFile(file: string, data: string | Uint8Array, flag: string): void {
  try {
    writeFileAtomic(file, data);
  } catch (error) {
    const why = whyNotWritable(file) ?? (error instanceof Error ? error.message : String(error));
    throw new UsageError(`${flag} ${file}: cannot write there: ${why}`);
  }
}
