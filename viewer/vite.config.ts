import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sampleRecording } from './scripts/sample-plugin';

// base './' lets the static build open from any folder or file server.
export default defineConfig({
  base: './',
  plugins: [react(), sampleRecording()],
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
