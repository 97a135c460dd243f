/** The queue every submitter and worker uses unless told otherwise (its own module: no Redis client to load). */
export const DEFAULT_QUEUE = 'factory-twin-runs';
