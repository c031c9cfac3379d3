import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Pulumi mock tests load @pulumi/azure-native modules on first use.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
