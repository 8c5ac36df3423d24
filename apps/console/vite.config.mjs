import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console's browser app. `npm run build` writes dist/, which the console server serves.
// Pages are split per route (React.lazy), so the first page loads only the layout and its page.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // npm hoists antd and ProComponents to the root node_modules, where their peer `react` resolves to
  // another copy (React 19, installed for the peer) than the app's React 18 in apps/console: two
  // Reacts in one page throw "Invalid hook call" and the page stays blank. One copy, the app's.
  resolve: { dedupe: ['react', 'react-dom', 'react/jsx-runtime', 'scheduler'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000', '/auth': 'http://127.0.0.1:3000' } },
});
