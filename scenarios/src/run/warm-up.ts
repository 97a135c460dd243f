/** Sent once to each worker thread at start-up, so the model code is loaded before the worker says it is ready. */
export const WARM_UP = 'warm-up';
