import { useRef } from 'react';
import { openFile } from '../data/load';

/** A button that opens the system file dialog and loads the chosen recording into a slot. */
export function FilePicker({ slot, label, testId }: { slot: 0 | 1; label: string; testId: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid={testId}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void openFile(slot, f);
          e.target.value = '';
        }}
      />
    </>
  );
}
