import { useOwnTemporaryFolder } from './jest.temporary-folder.js';

useOwnTemporaryFolder();

/**
 * ESM + ts-jest; type-checking is `npm run typecheck`'s job, so tests transpile only. Tests that
 * need `moto_server` (`*.moto.test.ts`) run in `npm run test:aws` (jest.aws.config.js), not here.
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.moto\\.test\\.ts$'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  testTimeout: 30000,
  // On a 2-core machine jest runs every file in its main process (maxWorkers 1 → in band), where
  // ESM vm-module contexts pile up until the heap limit aborts the run (seen at ~410 files). A
  // memory limit makes jest use a worker and restart it once it holds more than this after a file.
  workerIdleMemoryLimit: '1GB',
};
