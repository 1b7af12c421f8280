/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative base: the built site works from any sub-path (course pages host it anywhere).
  base: './',
  plugins: [react(), tailwindcss()],
  build: {
    // Icons stay files the browser caches, not base64 inside the first JavaScript.
    assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined),
    // The app, and a tiny page that runs the engine's reference scenario (for the determinism test).
    rolldownOptions: { input: { main: 'index.html', engineCheck: 'engine-check.html' } },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
