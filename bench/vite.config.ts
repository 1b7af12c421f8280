/// <reference types="vitest/config" />
// Builds the benchmark (and the engine it drives) into one Node.js script: `npm run bench`.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'bench/bench.ts',
    outDir: 'dist-bench',
    emptyOutDir: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'bench.mjs' } },
  },
  ssr: { noExternal: true },
  logLevel: 'warn',
});
