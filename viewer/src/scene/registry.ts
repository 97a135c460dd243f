import type { RootState } from '@react-three/fiber';

/** The live r3f state of each open canvas (slot 0: run A, slot 1: run B), for tests and the benchmark. */
export const canvases: (RootState | null)[] = [null, null];
