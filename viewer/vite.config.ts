import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './' lets the static build open from any folder or file server.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
