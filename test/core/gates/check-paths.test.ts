import { checkPaths } from '../../../src/core/gates/check-paths.js';
import type { GatePolicy } from '../../../src/core/gates/gate-report.js';
import { bundleOf, file, policy } from './bundle-fixtures.js';

function problemsFor(paths: string[], overrides: Partial<GatePolicy> = {}): string[] {
  return checkPaths(bundleOf(paths.map((path) => file(path))), { ...policy, ...overrides }).map(
    (finding) => `${finding.path ?? ''}: ${finding.message}`,
  );
}

describe('checkPaths', () => {
  it.each([
    'src/index.ts',
    'infra/orders-api.yaml',
    'README.md',
    '.github/ISSUE_TEMPLATE/bug.yml',
    'docs/.gitkeep',
    'src/.gitignore',
    'a/b/c/d/e.ts',
    'src/naïve-ünïcode.ts',
    'packages/web/.github/workflows/not-root.yml',
  ])('accepts %j', (path) => {
    expect(problemsFor([path])).toEqual([]);
  });

  it.each([
    ['/etc/passwd', 'is absolute'],
    ['C:/Windows/system.ini', 'drive letter'],
    ['c:relative.txt', 'drive letter'],
    ['src\\index.ts', 'backslash'],
    ['../outside.ts', '".." segment'],
    ['src/../../outside.ts', '".." segment'],
    ['./src/index.ts', '"." segment'],
    ['src/./index.ts', '"." segment'],
    ['src//index.ts', 'empty segment'],
    ['src/', 'empty segment'],
    ['', 'path is empty'],
    ['src/in\u0000dex.ts', 'control characters'],
    ['src/new\nline.ts', 'control characters'],
    ['.git/config', '.git directory'],
    ['.GIT/hooks/pre-commit', '.git directory'],
    ['vendor/lib/.git/HEAD', '.git directory'],
    ['.github/workflows/deploy.yml', 'workflow files'],
    ['.GitHub/Workflows/deploy.yml', 'workflow files'],
    [`src/${'x'.repeat(256)}.ts`, 'longer than 255 bytes'],
  ])('rejects %j (%s)', (path, reason) => {
    const problems = problemsFor([path]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(reason);
  });

  it('allows workflow files when the policy does', () => {
    expect(problemsFor(['.github/workflows/deploy.yml'], { allowWorkflowFiles: true })).toEqual([]);
  });

  it.each([['src'], ['src/'], ['src/**'], ['./src/']])(
    'treats allowed path %j as a directory prefix',
    (allowed) => {
      const problems = problemsFor(['src/index.ts', 'README.md', 'srcfoo/index.ts', 'infra/template.yaml'], {
        allowedPaths: [allowed, 'README.md'],
      });
      expect(problems.map((problem) => problem.split(':')[0])).toEqual([
        'srcfoo/index.ts',
        'infra/template.yaml',
      ]);
      expect(problems[0]).toContain(`is outside the allowed paths (${allowed}, README.md)`);
    },
  );

  it('reports duplicates, including ones that differ only by case or normalisation', () => {
    expect(
      problemsFor([
        'src/a.ts',
        'src/a.ts',
        'src/Readme.md',
        'src/README.md',
        'caf\u00e9.ts',
        'cafe\u0301.ts',
      ]),
    ).toEqual([
      'src/a.ts: appears more than once in the bundle',
      'src/README.md: collides with "src/Readme.md" on case-insensitive file systems',
      'cafe\u0301.ts: collides with "caf\u00e9.ts" on case-insensitive file systems',
    ]);
  });

  it('reports a path used both as a file and as a directory', () => {
    expect(problemsFor(['src/orders', 'src/orders/handler.ts'])).toEqual([
      'src/orders: is a file but also used as a directory by "src/orders/handler.ts"',
    ]);
  });

  it('requires templatePath to be one of the files', () => {
    const findings = checkPaths(
      bundleOf([file('infra/template.yml', 'Resources: {}', 'template')], 'infra/template.yaml'),
      policy,
    );
    expect(findings).toEqual([
      {
        gate: 'paths',
        path: 'infra/template.yaml',
        message: 'is named as the template but is not one of the files',
      },
    ]);
  });
});
