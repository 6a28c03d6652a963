import type { GeneratedFile } from '../../../core/bundle/artifact-bundle.js';

export interface ProjectFilesParams {
  readonly baseDir: string;
  readonly slug: string;
  /** Lambda entry files bundled by `npm run build`; none for library-only projects. */
  readonly entryPoints: readonly string[];
  readonly dependencies?: Readonly<Record<string, string>>;
}

const DEV_DEPENDENCIES = {
  '@types/jest': '^30.0.0',
  '@types/node': '^22.0.0',
  esbuild: '^0.25.0',
  jest: '^30.0.0',
  'ts-jest': '^29.4.0',
  typescript: '~5.9.0',
};

/**
 * package.json, tsconfig.json and .gitignore of a generated service. The project is CommonJS so
 * ts-jest runs its tests without Node's experimental VM modules, and esbuild bundles it for Lambda.
 */
export function projectFiles(params: ProjectFilesParams): GeneratedFile[] {
  const build =
    params.entryPoints.length === 0
      ? {}
      : {
          build: `esbuild ${params.entryPoints.join(' ')} --bundle --platform=node --target=node22 --outdir=dist --sourcemap`,
          package: 'npm run build && cd dist && zip -qr ../function.zip .',
        };
  const packageJson = {
    name: params.slug,
    version: '0.1.0',
    private: true,
    type: 'commonjs',
    scripts: { ...build, test: 'jest', typecheck: 'tsc --noEmit' },
    dependencies: params.dependencies ?? {},
    devDependencies: params.entryPoints.length === 0 ? withoutBundler(DEV_DEPENDENCIES) : DEV_DEPENDENCIES,
    jest: {
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
    },
  };
  return [
    { path: `${params.baseDir}/package.json`, role: 'config', content: json(packageJson) },
    { path: `${params.baseDir}/tsconfig.json`, role: 'config', content: json(GENERATED_TSCONFIG) },
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

function withoutBundler(dependencies: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(dependencies).filter(([name]) => name !== 'esbuild'));
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
