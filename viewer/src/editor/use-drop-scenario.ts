import { useFileDrop } from '../app/use-file-drop';
import { openFiles } from './open-files';

/** Dropping scenario files on the page opens them in the editor (a variant with its base: drop both). */
export function useDropScenario(): boolean {
  return useFileDrop((files) => void openFiles(files));
}
