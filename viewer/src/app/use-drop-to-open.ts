import { useEffect, useState } from 'react';
import { openFile } from '../data/load';
import { recordings } from '../store/recording';

/** Dropping one file opens it as run A; dropping two (or one while Shift is held) opens run B too. */
export function useDropToOpen(): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      const toB = files.length === 1 && e.shiftKey && recordings.getState().runs[0] !== null;
      if (toB) void openFile(1, files[0]);
      else {
        void openFile(0, files[0]);
        if (files[1]) void openFile(1, files[1]);
      }
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}
