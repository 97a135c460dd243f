/** Stored in recordings and summaries; `verify` re-runs need the same model code to match byte for byte. */
export const SOFTWARE_VERSION = 'factory-twin 0.1.0';
