import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'renderer/**/*.test.ts', 'db/**/*.test.ts', 'backend/**/*.test.ts', 'electron/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/support/privateDataFolder.ts'],
    pool: 'forks',
    testTimeout: 30_000,
  },
});
