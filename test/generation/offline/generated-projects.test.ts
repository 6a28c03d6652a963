import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import { GENERATED_TSCONFIG } from '../../../src/generation/offline/project/project-files.js';
import { generate } from './offline-test-requests.js';
import type { RequestShape } from './offline-test-requests.js';

/**
 * The generated projects' own jest suites, run the way `npm test` would run them (CommonJS, ts-jest),
 * all bundles in one jest process, then type-checked with their own compiler settings.
 */
const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

interface ProjectCase {
  readonly id: string;
  readonly shape: RequestShape;
  /** Suite-level tests every project of this type has, plus one per story (or per default when there are none). */
  readonly expectedTests: number;
}

const ORDER_STORIES = [
  'As a customer I can place an order',
  'As a customer I want to view my orders',
  'As an admin I can cancel an order',
];

const CASES: readonly ProjectCase[] = [
  {
    id: 'app-orders',
    shape: { taskType: 'application', taskName: 'Orders API', stories: ORDER_STORIES, strategy: 'canary' },
    expectedTests: 5 + 3,
  },
  {
    id: 'app-inventory',
    shape: {
      taskType: 'application',
      taskName: 'Inventory Service',
      stories: [
        'As a clerk I can add a product',
        'As a clerk I can update a product',
        'As a clerk I can list products',
        'As a manager I can remove a product',
        'As a buyer I can browse the catalogue',
      ],
    },
    expectedTests: 5 + 5,
  },
  { id: 'app-defaults', shape: { taskType: 'application', taskName: 'Catalog API' }, expectedTests: 5 + 2 },
  {
    id: 'app-hostile',
    shape: {
      taskType: 'application',
      taskName: '"; rm -rf / # `whoami` ${process.exit(1)} */',
      stories: ["As a user I can */ process.exit(1) /* '); require('child_process')\u2028evil() an order"],
      strategy: 'linear',
    },
    expectedTests: 5 + 1,
  },
  {
    id: 'int-payments',
    shape: {
      taskType: 'integration',
      taskName: 'Payment Events',
      stories: ['As billing I can settle a payment', 'As support I can refund a payment'],
      strategy: 'linear',
    },
    expectedTests: 5 + 2,
  },
  { id: 'int-defaults', shape: { taskType: 'integration', taskName: 'Audit Trail' }, expectedTests: 5 + 1 },
  {
    id: 'test-checkout',
    shape: {
      taskType: 'testing',
      taskName: 'Checkout Smoke Tests',
      stories: ['As a shopper I can view the basket', 'As a shopper I can see delivery options'],
      strategy: 'blue-green',
    },
    expectedTests: 4 + 2,
  },
  {
    id: 'test-defaults',
    shape: { taskType: 'testing', taskName: 'Status Page Canary' },
    expectedTests: 4 + 1,
  },
  {
    id: 'dep-billing',
    shape: {
      taskType: 'deployment',
      taskName: 'Billing Release',
      stories: ['As an SRE I can roll back a bad release', 'As a developer I can see the live version'],
      strategy: 'canary',
    },
    expectedTests: 2 + 2 + 3,
  },
  {
    id: 'dep-reporting',
    shape: {
      taskType: 'deployment',
      taskName: 'Reporting Worker',
      stories: ['As an analyst I can run reports'],
      strategy: 'all-at-once',
    },
    expectedTests: 2 + 1,
  },
  {
    id: 'infra-platform',
    shape: {
      taskType: 'infrastructure',
      taskName: 'Data Platform Foundation',
      stories: [
        'As a security officer I need all data encrypted with our own key',
        'As an operator I am notified when alarms fire',
        'As an engineer I can store build artifacts',
      ],
      environment: 'production',
    },
    expectedTests: 5 + 3,
  },
  {
    id: 'infra-defaults',
    shape: { taskType: 'infrastructure', taskName: 'Shared Storage' },
    expectedTests: 5 + 1,
  },
];

interface ProcessResult {
  readonly code: number;
  readonly output: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 20_000_000, timeout: 240_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

function writeBundle(root: string, bundle: ArtifactBundle): void {
  for (const file of bundle.files) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}

interface JestReport {
  readonly testResults: readonly {
    readonly name: string;
    readonly assertionResults: readonly { readonly status: string }[];
  }[];
}

describe('generated projects', () => {
  let workDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'offline-blueprints-'));
    for (const projectCase of CASES)
      writeBundle(join(workDir, projectCase.id), (await generate(projectCase.shape)).bundle);
  });

  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it("pass their own jest suites, with one test per user story on top of each type's fixed tests", async () => {
    const tsconfigPath = join(workDir, 'tsconfig.json');
    writeFileSync(tsconfigPath, JSON.stringify(GENERATED_TSCONFIG));
    const config = {
      rootDir: workDir,
      roots: [workDir],
      testMatch: ['**/test/**/*.test.ts'],
      testEnvironment: require.resolve('jest-environment-node'),
      transform: { '^.+\\.ts$': [require.resolve('ts-jest'), { tsconfig: tsconfigPath }] },
    };
    const configPath = join(workDir, 'jest.config.json');
    const reportPath = join(workDir, 'jest-report.json');
    writeFileSync(configPath, JSON.stringify(config));
    const jest = join(packageDir('jest'), 'bin', 'jest.js');
    const result = await run(
      process.execPath,
      [jest, '--config', configPath, '--ci', '--json', '--outputFile', reportPath, '--maxWorkers=2'],
      workDir,
    );
    if (result.code !== 0) throw new Error(`generated tests failed (exit ${result.code}):\n${result.output}`);

    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as JestReport;
    const passedByCase = Object.fromEntries(CASES.map((projectCase) => [projectCase.id, 0]));
    for (const suite of report.testResults) {
      const caseId = suite.name.slice(workDir.length + 1).split(/[\\/]/)[0] ?? '';
      passedByCase[caseId] =
        (passedByCase[caseId] ?? 0) +
        suite.assertionResults.filter((assertion) => assertion.status === 'passed').length;
    }
    expect(passedByCase).toEqual(
      Object.fromEntries(CASES.map((projectCase) => [projectCase.id, projectCase.expectedTests])),
    );
  }, 240_000);

  it('type-check under the strict settings they ship with', async () => {
    // The AWS SDK is a runtime dependency of the generated projects, not of this repository.
    const shim = [
      'client-dynamodb',
      'lib-dynamodb',
      'client-lambda',
      'client-codedeploy',
      'client-cloudformation',
    ]
      .map((name) => `declare module '@aws-sdk/${name}';`)
      .join('\n');
    writeFileSync(join(workDir, 'aws-sdk.d.ts'), shim);
    const tsconfig = {
      compilerOptions: {
        ...GENERATED_TSCONFIG.compilerOptions,
        typeRoots: [dirname(packageDir('@types/node'))],
      },
      include: ['*/**/src/**/*.ts', '*/**/test/**/*.ts', 'aws-sdk.d.ts'],
    };
    const tsconfigPath = join(workDir, 'tsconfig.check.json');
    writeFileSync(tsconfigPath, JSON.stringify(tsconfig));
    const tsc = join(packageDir('typescript'), 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', tsconfigPath, '--listFilesOnly'], workDir);
    const checked = result.output
      .split('\n')
      .filter((line) => line.startsWith(workDir) && !line.endsWith('.d.ts'));
    expect(checked.length).toBeGreaterThan(CASES.length * 4);
    const typecheck = await run(process.execPath, [tsc, '-p', tsconfigPath], workDir);
    if (typecheck.code !== 0) throw new Error(`generated code does not type-check:\n${typecheck.output}`);
    expect(typecheck.code).toBe(0);
  }, 240_000);
});
