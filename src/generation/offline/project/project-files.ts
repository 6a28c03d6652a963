import type { GeneratedFile } from '../../../core/bundle/artifact-bundle.js';
import { generatedPackages } from '../../../core/bundle/generated-packages.js';

export interface ProjectFilesParams {
  readonly baseDir: string;
  readonly slug: string;
  /** Lambda entry files bundled by `npm run build`; none for library-only projects, whose `src/` is compiled as is. */
  readonly entryPoints: readonly string[];
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

const DEV_DEPENDENCIES = generatedPackages(
  '@eslint/js',
  '@types/jest',
  '@types/node',
  'esbuild',
  'eslint',
  'jest',
  'ts-jest',
  'typescript',
  'typescript-eslint',
);

/** `npm run lint`: what `eslint .` reads, ESLint's and typescript-eslint's recommended rules (https://typescript-eslint.io/getting-started). */
export const GENERATED_ESLINT_CONFIG = `// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // This folder's tsconfig.json, wherever eslint is started from.
    languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
`;

/** The lint script every generated project has; the blueprint matrix runs it over every project. */
export const LINT_SCRIPT = 'eslint .';

/** The Lambda bundle: one file per entry point in `dist/`. The AWS SDK v3 comes with the nodejs22.x runtime, so it stays out. */
export function buildScript(entryPoints: readonly string[]): string {
  return entryPoints.length === 0
    ? 'esbuild src/*.ts --platform=node --target=node22 --format=cjs --outdir=dist'
    : `esbuild ${entryPoints.join(' ')} --bundle --platform=node --target=node22 --outdir=dist --sourcemap --external:@aws-sdk/*`;
}

/**
 * package.json, tsconfig.json and .gitignore of a generated service. The project is CommonJS so
 * ts-jest runs its tests without Node's experimental VM modules; esbuild builds it (`npm run build`),
 * ESLint lints it (`npm run lint`, eslint.config.mjs), and a project with Lambda code zips the bundle
 * (`npm run package`).
 */
export function projectFiles(params: ProjectFilesParams): GeneratedFile[] {
  const scripts = {
    build: buildScript(params.entryPoints),
    ...(params.entryPoints.length === 0
      ? {}
      : { package: 'npm run build && cd dist && zip -qr ../function.zip .' }),
    lint: LINT_SCRIPT,
    test: 'jest',
    typecheck: 'tsc --noEmit',
  };
  const packageJson = {
    name: params.slug,
    version: '0.1.0',
    private: true,
    type: 'commonjs',
    scripts,
    dependencies: params.dependencies ?? {},
    devDependencies: { ...DEV_DEPENDENCIES, ...(params.devDependencies ?? {}) },
    jest: {
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
    },
  };
  return [
    { path: `${params.baseDir}/package.json`, role: 'config', content: json(packageJson) },
    { path: `${params.baseDir}/tsconfig.json`, role: 'config', content: json(GENERATED_TSCONFIG) },
    { path: `${params.baseDir}/eslint.config.mjs`, role: 'config', content: GENERATED_ESLINT_CONFIG },
    {
      path: `${params.baseDir}/.gitignore`,
      role: 'config',
      content: 'node_modules/\ndist/\nfunction.zip\ncoverage/\n',
    },
  ];
}

/** The compiler settings generated projects use; the tests compile them the same way. */
export const GENERATED_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'commonjs',
    moduleResolution: 'node10',
    lib: ['ES2023'],
    types: ['node', 'jest'],
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitReturns: true,
    esModuleInterop: true,
    isolatedModules: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ['src', 'test'],
};

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
