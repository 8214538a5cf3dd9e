import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

// The API process serves the build from dist/web at `/`; `npm run dev:web` serves the sources
// with hot reload and hands every /api request to the API already running (`npm run dev`).
const apiTarget = process.env.WEB_API_TARGET || `http://127.0.0.1:${process.env.PORT || 3000}`;

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { alias: { '@': path.join(import.meta.dirname, 'src') } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Under the API's CSP (no inline script) every module must be a file, never a data: URL.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT || 5173),
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: { port: Number(process.env.WEB_DEV_PORT || 5173) },
});
