import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app: built to `dist/`, which the server serves at `/`. `npm run dev` proxies the API to :8080. */
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: false,
    sourcemap: false,
  },
  server: {
    proxy: Object.fromEntries(['/v1', '/oauth', '/.well-known', '/docs', '/health', '/ready', '/metrics'].map((p) => [p, { target: 'http://localhost:8080', ws: true }])),
  },
});
