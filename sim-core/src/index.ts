// Public API of sim-core: framework-free and I/O-free (no fs, no DOM, no React).
export * from './engine/index';
export * from './control/index';
