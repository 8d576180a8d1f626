import { defineConfig } from 'vitest/config';

/** `npm run test:load`: the load test drives its own `npm start` process. */
export default defineConfig({
  test: {
    include: ['test/load/**/*.test.ts'],
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
    testTimeout: 900_000,
    hookTimeout: 150_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
