import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The dashboard is served as a static build. The CSP forbids inline script:
// every payload, header and routing key shown on the page is production data.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  'connect-src *',
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: true },
  preview: {
    host: '127.0.0.1',
    port: 8080,
    strictPort: true,
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  },
  test: {
    include: ['src/**/*.test.ts', 'stack/**/*.test.ts', 'generator/**/*.test.ts'],
    environment: 'node',
  },
});
