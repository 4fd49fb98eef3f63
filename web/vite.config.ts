import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API_TARGET = 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/metrics': { target: API_TARGET, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // antd and echarts are large by nature; they sit in their own cached vendor chunks, so the
    // warning only needs to fire if one of those grows well beyond its usual size (antd is ~1.2 MB since the
    // trade centre brought in Steps, Segmented and Timeline).
    chunkSizeWarningLimit: 1300,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            { name: 'vendor-map', test: /node_modules[\\/](world-atlas|topojson-client)[\\/]/, priority: 30 },
            {
              name: 'vendor-antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|stylis|dayjs)[\\/]/,
              priority: 20,
            },
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)[\\/]/,
              // Highest priority: groups capture their dependencies, so React must be claimed before
              // antd would pull react-dom into its own chunk.
              priority: 40,
            },
          ],
        },
      },
    },
  },
});
