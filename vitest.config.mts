import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One fixed date for the date-dependent warning (the Istio add-on revision's end of life).
    setupFiles: ['test/support/fixed-clock.ts'],
    // Pulumi mock tests load @pulumi/azure-native modules on first use.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
