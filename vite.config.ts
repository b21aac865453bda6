import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer is one build for every host: Electron loads it from disk (file://), the browser
 * host over http. Relative asset paths ('./') make both work from the same files.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Every chunk is served by us from disk or localhost: size warnings for the big UI libraries are noise.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // The renderer imports shared/ from the repository root.
    fs: { allow: ['..'] },
  },
});
