import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { checkCoverage } from '../../../src/core/bundle/check-coverage.js';
import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import { GENERATED_TSCONFIG, LINT_SCRIPT } from '../../../src/generation/offline/project/project-files.js';
import { createOfflineProvider } from '../../../src/generation/offline/offline-provider.js';
import { findExecutable } from './matrix/find-executable.js';
import { matrixCases } from './matrix/matrix-cases.js';
import type { MatrixCase } from './matrix/matrix-cases.js';
import { MATRIX_TIMEOUT_MS, runProcess } from './matrix/run-process.js';
import type { ProcessResult } from './matrix/run-process.js';

/**
 * The generated projects, all of them at once: every blueprint × every deployment strategy, the
 * shipped examples and some edge cases, each built with its own build script, type-checked with
 * its own compiler settings, tested with its own jest suites, and its template linted by cfn-lint.
 * One jest run, one tsc run and one cfn-lint call for the whole matrix: each start costs seconds.
 * Projects share this repository's node_modules (a symlink), so nothing is installed and nothing
 * reaches the network. Mutants (a deliberate fault each) prove the cited tests fail without the code.
 */
const REPO_MODULES = join(process.cwd(), 'node_modules');
/** MATRIX_CASES=<regex> runs only the cases whose id matches (a local check of the cells a change touches); CI runs all. */
const ONLY = process.env['MATRIX_CASES'];
const CASES = matrixCases().filter(
  (matrixCase) => ONLY === undefined || new RegExp(ONLY).test(matrixCase.id),
);
/** AWS SDK clients the generated code imports that this repository does not install: declared, not type-checked. */
const UNINSTALLED_CLIENTS = [
  'client-eventbridge',
  'client-sqs',
  'client-secrets-manager',
  'client-lambda',
  'client-sns',
];

interface Generated {
  readonly matrixCase: MatrixCase;
  readonly bundle: ArtifactBundle;
  /** The service folder inside the work dir. */
  readonly dir: string;
}

interface JestReport {
  readonly testResults: readonly {
    readonly name: string;
    readonly assertionResults: readonly {
      readonly title: string;
      readonly status: string;
      readonly failureMessages: readonly string[];
    }[];
  }[];
}

const cfnLint = findExecutable('cfn-lint');
const lintRequired = process.env['REQUIRE_CFN_LINT'] === '1';

describe('generated projects', () => {
  let workDir: string;
  let generated: Generated[];
  /** The tools run side by side, each once over the whole matrix; the tests below read their results. */
  let runs: {
    jest: Promise<ProcessResult>;
    tsc: Promise<ProcessResult>;
    eslint: Promise<ProcessResult>;
    lint?: Promise<ProcessResult>;
  };

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'blueprint-matrix-'));
    symlinkSync(REPO_MODULES, join(workDir, 'node_modules'), 'dir');
    generated = [];
    for (const matrixCase of CASES) {
      const { bundle } = await createOfflineProvider().generate({
        request: matrixCase.request,
        context: { owner: 'acme', repo: 'shop' },
      });
      const dir = join(workDir, matrixCase.id);
      for (const file of bundle.files) {
        const target = join(dir, file.path.split('/').slice(2).join('/'));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, file.content);
      }
      const mutation = matrixCase.mutation;
      if (mutation !== undefined) {
        const path = join(dir, mutation.file);
        const text = readFileSync(path, 'utf8');
        if (!text.includes(mutation.find))
          throw new Error(`${matrixCase.id}: ${mutation.file} no longer holds the code the mutant removes`);
        writeFileSync(path, text.replace(mutation.find, mutation.replace));
      }
      generated.push({ matrixCase, bundle, dir });
    }
    writeFileSync(
      join(workDir, 'uninstalled-clients.d.ts'),
      UNINSTALLED_CLIENTS.map((name) => `declare module '@aws-sdk/${name}';`).join('\n'),
    );
    writeFileSync(
      join(workDir, 'tsconfig.json'),
      JSON.stringify({
        ...GENERATED_TSCONFIG,
        include: ['*/src/**/*.ts', '*/test/**/*.ts', 'uninstalled-clients.d.ts'],
      }),
    );
    runs = {
      jest: runJest(workDir),
      // Each project's `npm run lint` is `eslint .` in its folder; ESLint reads each file's nearest
      // eslint.config.mjs, so one run over every folder lints each with its own config. Mutants are
      // left out: their edits need not be lint-clean.
      eslint: runProcess(
        process.execPath,
        [
          join(REPO_MODULES, 'eslint', 'bin', 'eslint.js'),
          '--max-warnings=0',
          ...generated.filter(({ matrixCase }) => matrixCase.mutation === undefined).map(({ dir }) => dir),
        ],
        { cwd: workDir },
      ),
      tsc: runProcess(
        process.execPath,
        [join(REPO_MODULES, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--listFiles'],
        { cwd: workDir },
      ),
      ...(cfnLint === undefined
        ? {}
        : {
            lint: runProcess(
              cfnLint,
              ['--format', 'json', '--', ...generated.map(({ dir }) => join(dir, 'template.yaml'))],
              { cwd: workDir },
            ),
          }),
    };
  }, 120_000);

  afterAll(async () => {
    if (runs !== undefined)
      await Promise.allSettled([
        runs.jest,
        runs.tsc,
        runs.eslint,
        ...(runs.lint === undefined ? [] : [runs.lint]),
      ]);
    if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
  }, MATRIX_TIMEOUT_MS);

  it(
    'pass their own jest suites, every test the coverage cites among them, and each mutant fails the tests it names',
    async () => {
      const result = await runs.jest;
      const reportPath = join(workDir, 'jest-report.json');
      if (!existsSync(reportPath))
        throw new Error(`jest did not run (exit ${result.code}):\n${result.output}`);
      const report = JSON.parse(readFileSync(reportPath, 'utf8')) as JestReport;
      const byCase = new Map<
        string,
        { passed: Set<string>; failed: Map<string, string>; todo: Set<string> }
      >();
      for (const suite of report.testResults) {
        const id = suite.name.slice(workDir.length + 1).split(/[\\/]/)[0] ?? '';
        const entry = byCase.get(id) ?? { passed: new Set(), failed: new Map(), todo: new Set() };
        for (const assertion of suite.assertionResults) {
          if (assertion.status === 'passed') entry.passed.add(assertion.title);
          // Manual mode's acceptance tests are `it.todo` until a person implements them.
          else if (assertion.status === 'todo') entry.todo.add(assertion.title);
          else entry.failed.set(assertion.title, assertion.failureMessages.join('\n').slice(0, 2000));
        }
        byCase.set(id, entry);
      }
      const problems: string[] = [];
      for (const { matrixCase, bundle } of generated) {
        const outcome = byCase.get(matrixCase.id);
        if (outcome === undefined) {
          problems.push(`${matrixCase.id}: no test ran`);
          continue;
        }
        if (matrixCase.mutation !== undefined) {
          for (const title of matrixCase.mutation.breaks)
            if (!outcome.failed.has(title))
              problems.push(`${matrixCase.id}: "${title}" still passes with the fault in`);
          continue;
        }
        for (const [title, message] of outcome.failed)
          problems.push(`${matrixCase.id}: "${title}" failed\n${message}`);
        const manual = matrixCase.request.execution_request.execution_mode === 'manual';
        if (manual && outcome.todo.size === 0)
          problems.push(`${matrixCase.id}: a manual project has no pending test`);
        if (!manual)
          for (const title of outcome.todo) problems.push(`${matrixCase.id}: "${title}" is only a todo`);
        const cited = checkCoverage(bundle).flatMap((row) =>
          row.status === 'not_covered' ? [] : row.tests.map((test) => test.title),
        );
        for (const title of cited)
          if (!outcome.passed.has(title))
            problems.push(`${matrixCase.id}: the coverage cites "${title}", which did not pass`);
      }
      expect(problems).toEqual([]);
    },
    MATRIX_TIMEOUT_MS,
  );

  it(
    'type-check under the strict settings they ship with',
    async () => {
      const typecheck = await runs.tsc;
      if (typecheck.code !== 0) throw new Error(`generated code does not type-check:\n${typecheck.output}`);
      const own = typecheck.output
        .split('\n')
        .filter(
          (line) =>
            line.startsWith(workDir) &&
            !line.includes('node_modules') &&
            line.endsWith('.ts') &&
            !line.endsWith('.d.ts'),
        );
      expect(new Set(own.map((line) => line.slice(workDir.length + 1).split('/')[0]))).toEqual(
        new Set(CASES.map((matrixCase) => matrixCase.id)),
      );
    },
    MATRIX_TIMEOUT_MS,
  );

  it(
    'pass their own lint script (eslint . with the eslint.config.mjs they ship), without network',
    async () => {
      const missing = generated.flatMap(({ matrixCase, dir }) => {
        const scripts = (
          JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
        ).scripts;
        return scripts['lint'] === LINT_SCRIPT && existsSync(join(dir, 'eslint.config.mjs'))
          ? []
          : [`${matrixCase.id}: lint script ${JSON.stringify(scripts['lint'])}`];
      });
      expect(missing).toEqual([]);
      const result = await runs.eslint;
      if (result.code !== 0) throw new Error(`generated code does not lint:\n${result.output}`);
    },
    MATRIX_TIMEOUT_MS,
  );

  it(
    'build with their own build script, as npm run build runs it',
    async () => {
      const env = {
        ...process.env,
        PATH: [join(workDir, 'node_modules', '.bin'), process.env['PATH'] ?? ''].join(delimiter),
      };
      const failures: string[] = [];
      for (const { matrixCase, dir } of generated) {
        const scripts = (
          JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
        ).scripts;
        const build = scripts['build'];
        if (build === undefined) {
          failures.push(`${matrixCase.id}: package.json has no build script`);
          continue;
        }
        const result = await runProcess('sh', ['-c', build], { cwd: dir, env });
        if (result.code !== 0) failures.push(`${matrixCase.id}: ${build}\n${result.output}`);
        else if (!existsSync(join(dir, 'dist'))) failures.push(`${matrixCase.id}: the build wrote no dist/`);
      }
      expect(failures).toEqual([]);
    },
    MATRIX_TIMEOUT_MS,
  );

  const lintTest = cfnLint === undefined && !lintRequired ? it.skip : it;
  lintTest(
    'have templates without cfn-lint errors (one cfn-lint run; REQUIRE_CFN_LINT=1 makes a missing cfn-lint fail)',
    async () => {
      if (runs.lint === undefined)
        throw new Error('REQUIRE_CFN_LINT=1 but cfn-lint is not on PATH (pip install cfn-lint)');
      const result = await runs.lint;
      const start = result.output.indexOf('[');
      const matches = JSON.parse(
        start === -1 ? '[]' : result.output.slice(start, result.output.lastIndexOf(']') + 1),
      ) as {
        Level: string;
        Message: string;
        Filename: string;
        Rule: { Id: string };
      }[];
      const errors = matches
        .filter((match) => match.Level === 'Error')
        .map((match) => `${match.Filename.slice(workDir.length + 1)}: ${match.Rule.Id} ${match.Message}`);
      expect(errors).toEqual([]);
      // cfn-lint exits 2 for errors and 4 for warnings only (bit flags); anything else means it did not lint.
      expect([0, 2, 4, 6, 8, 10, 12, 14]).toContain(result.code);
    },
    MATRIX_TIMEOUT_MS,
  );
});

/** One jest run over every generated project, reporting as JSON into the work dir. */
function runJest(workDir: string): Promise<ProcessResult> {
  const config = {
    rootDir: workDir,
    roots: [workDir],
    testMatch: ['**/test/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/'],
    testEnvironment: 'node',
    // The tsconfig's isolatedModules makes ts-jest transpile only: type-checking is tsc's job (the next test).
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: join(workDir, 'tsconfig.json') }] },
  };
  writeFileSync(join(workDir, 'jest.config.json'), JSON.stringify(config));
  const jest = join(REPO_MODULES, 'jest', 'bin', 'jest.js');
  return runProcess(
    process.execPath,
    [
      jest,
      '--config',
      'jest.config.json',
      '--ci',
      '--json',
      '--outputFile',
      join(workDir, 'jest-report.json'),
      '--maxWorkers=2',
    ],
    { cwd: workDir },
  );
}
