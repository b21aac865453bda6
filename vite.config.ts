import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The renderer is one build for every host: Electron loads it from disk (file://), the browser
 * host over http. Relative asset paths ('./') make both work from the same files.
 * Two pages: the ward's app (index.html) and the city's dashboard (city/index.html), sharing assets/.
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
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        city: fileURLToPath(new URL('./renderer/city/index.html', import.meta.url)),
      },
    },
  },
  server: {
    // The renderer imports shared/ from the repository root.
    fs: { allow: ['..'] },
  },
});
