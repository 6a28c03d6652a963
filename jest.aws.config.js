import base from './jest.config.js';

/**
 * `npm run test:aws`: the store and mirror tests against real AWS SDK clients talking HTTP to
 * `moto_server`, which global setup starts on a free loopback port (DESIGN §12).
 */
export default {
  ...base,
  testMatch: ['**/*.moto.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/test/moto/global-setup.ts',
  globalTeardown: '<rootDir>/test/moto/global-teardown.ts',
  testTimeout: 60000,
  // On a 2-core machine jest runs every file in its main process (maxWorkers 1 → in band), where
  // ESM vm-module contexts pile up until the heap limit aborts the run (seen at ~410 files). A
  // memory limit makes jest use a worker and restart it once it holds more than this after a file.
  workerIdleMemoryLimit: '1GB',
};
