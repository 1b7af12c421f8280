/// <reference types="vitest/config" />
// Builds the headless runner (and the engine and kubectl it drives) into one Node.js script: `npm run sim`.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'sim/cli.ts',
    outDir: 'dist-sim',
    emptyOutDir: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'sim.mjs' } },
  },
  ssr: { noExternal: true },
  logLevel: 'warn',
});
