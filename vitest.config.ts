import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser (npm run test:e2e) and load/crash (npm run test:load) suites run on their own.
    exclude: ['test/e2e/**', 'test/load/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // Handlers log through Powertools; tests that check logging set their own level.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: more workers only queue on the CPU and on the one DynamoDB Local JVM.
    maxWorkers: 2,
  },
});
