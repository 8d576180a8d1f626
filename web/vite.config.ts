import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The browser app, built to static files in web/dist. No framework plugin: Vite's own transform
 * compiles the JSX for Preact's automatic runtime.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // zod is the forms' (client-side validation with the API's own schemas): a chunk of its own,
        // fetched with the forms, not with the start and status pages that share the rest of the
        // common code (Rolldown would otherwise put it in the chunk they load; docs/performance.md §17).
        codeSplitting: { groups: [{ name: 'validation', test: /[\\/]node_modules[\\/]zod[\\/]/ }] },
      },
    },
  },
  server: {
    proxy: {
      '/v1': 'http://localhost:3000',
      '/auth': 'http://localhost:3000',
      '/local': 'http://localhost:3000',
    },
  },
});
