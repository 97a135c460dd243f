import { openFile } from '../data/load';
import { recordings } from '../store/recording';
import { useFileDrop } from './use-file-drop';

/** Dropping one file opens it as run A; dropping two (or one while Shift is held) opens run B too. */
export function useDropToOpen(): boolean {
  return useFileDrop((files, e) => {
    if (files.length === 0) return;
    const toB = files.length === 1 && e.shiftKey && recordings.getState().runs[0] !== null;
    if (toB) void openFile(1, files[0]);
    else {
      void openFile(0, files[0]);
      if (files[1]) void openFile(1, files[1]);
    }
  });
}
