import { defineConfig } from 'vitest/config';

/** `npm run check:slow`: the heavy checks kept out of the default suite. */
export default defineConfig({
  test: {
    include: ['tests/slow/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 1_800_000,
    pool: 'forks',
  },
});
