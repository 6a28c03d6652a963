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
};
