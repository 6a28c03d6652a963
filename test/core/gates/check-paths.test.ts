import { checkPaths } from '../../../src/core/gates/check-paths.js';
import type { GatePolicy } from '../../../src/core/gates/gate-report.js';
import { bundleOf, file, policy } from './bundle-fixtures.js';

function problemsFor(paths: string[], overrides: Partial<GatePolicy> = {}): string[] {
  return checkPaths(bundleOf(paths.map((path) => file(path))), { ...policy, ...overrides }).map(
    (finding) => `${finding.path ?? ''}: ${finding.message}`,
  );
}

/** The one finding a path gets on its own, under the default policy. */
function onlyProblem(path: string, overrides: Partial<GatePolicy> = {}): string | undefined {
  const findings = checkPaths(bundleOf([file(path)]), { ...policy, ...overrides });
  expect(findings.length).toBeLessThanOrEqual(1);
  return findings[0]?.message;
}

const DOT_GIT = 'must not write inside .git';
const PROTECTED_GITHUB =
  'is under .github/, which is protected because it steers CI, reviews and deploys (allow a sub-path with paths.allow_github, e.g. [workflows/])';
const AGENT_CONFIG =
  "is this agent's own config, which a generated change may never write (it would let a pull request loosen the deploy rules)";
const RESERVED = (name: string): string =>
  `has the name "${name}", which Windows reserves for a device (CON, PRN, AUX, NUL, COM0–9, LPT0–9, with any extension)`;
const TRAILING = (name: string): string =>
  `has a name ending in a dot or space ("${name}"), which Windows drops`;
const INVISIBLE = (code: string): string => `contains ${code}, an invisible or direction-changing character`;

/** `a/a/…/x.ts` of exactly `bytes` UTF-8 bytes. */
function pathOfBytes(bytes: number): string {
  const directories = 'a/'.repeat(Math.floor((bytes - 4) / 2));
  return `${directories}${'x'.repeat(bytes - 3 - directories.length)}.ts`;
}

describe('checkPaths: the examples of issue #7', () => {
  it('refuses .git./config, which Windows opens as .git/config', () => {
    expect(onlyProblem('.git./config')).toBe(
      `${DOT_GIT} (".git." is .git on Windows, which drops trailing dots and spaces)`,
    );
  });

  it('refuses the agent’s own config, even when every .github/ sub-path is allowed', () => {
    expect(onlyProblem('.github/implementation-agent.yml')).toBe(AGENT_CONFIG);
    expect(onlyProblem('.github/implementation-agent.yml', { allowedGithubPaths: ['**'] })).toBe(
      AGENT_CONFIG,
    );
    expect(
      onlyProblem('.GitHub/Implementation-Agent.YML', { allowedGithubPaths: ['implementation-agent.yml'] }),
    ).toBe(AGENT_CONFIG);
  });

  it('refuses control, format and bidi characters', () => {
    expect(onlyProblem('src/in\u0000dex.ts')).toBe('contains the control character U+0000');
    expect(onlyProblem('src/\u0085next.ts')).toBe('contains the control character U+0085');
    expect(onlyProblem('src/user\u202Egnp.ts')).toBe(INVISIBLE('U+202E'));
    expect(onlyProblem('src/zero\u200Bwidth.ts')).toBe(INVISIBLE('U+200B'));
  });

  it('refuses trailing dots and spaces', () => {
    expect(onlyProblem('src/notes.')).toBe(TRAILING('notes.'));
    expect(onlyProblem('src /index.ts')).toBe(TRAILING('src '));
  });

  it('refuses Windows reserved names', () => {
    expect(onlyProblem('src/CON')).toBe(RESERVED('CON'));
    expect(onlyProblem('docs/nul.txt')).toBe(RESERVED('nul.txt'));
  });

  it('refuses a 4,000-character path, and one byte over the cap', () => {
    expect(onlyProblem(pathOfBytes(4_000))).toBe(
      'is 4,000 bytes long, over the 1,023-byte limit for a path (macOS cannot open longer ones)',
    );
    expect(onlyProblem(pathOfBytes(1_024))).toBe(
      'is 1,024 bytes long, over the 1,023-byte limit for a path (macOS cannot open longer ones)',
    );
    expect(onlyProblem(pathOfBytes(1_023))).toBeUndefined();
  });

  it('finishes 10,000 files, colliding ones included (no timing asserted: see npm run bench)', () => {
    const paths = Array.from({ length: 10_000 }, (_, i) => `src/module-${i % 100}/file-${i}.ts`);
    paths.push('src/module-7', 'SRC/Module-7/file-7.ts');
    const findings = checkPaths(bundleOf(paths.map((path) => file(path))), policy);
    expect(findings.map((finding) => `${finding.path}: ${finding.message}`)).toEqual([
      'src/module-7: is a file but also used as a directory by "src/module-7/file-7.ts"',
      'SRC/Module-7/file-7.ts: collides with "src/module-7/file-7.ts" on case-insensitive file systems (Windows, macOS)',
    ]);
  });
});

describe('checkPaths: one path at a time', () => {
  it.each([
    'src/handlers/orders.ts',
    'docs/implementation/x.md',
    'infra/template.yaml',
    'src/café.ts',
    'src/cafe\u0301-decomposed.ts',
    'src/naïve-ünïcode.ts',
    'src/日本語/注文.ts',
    'src/emoji-🚀.ts',
    'README.md',
    '.gitignore',
    '.git-blame-ignore-revs',
    'docs/.gitkeep',
    'src/.gitignore',
    'src/git~2.md',
    'src/.github-notes.md',
    '.github-templates/x.md',
    'a/b/c/d/e.ts',
    'packages/web/.github/workflows/not-root.yml',
    'src/console.ts',
    'src/config.ts',
    'src/auxiliary.ts',
    'src/nul-handler.ts',
    'src/com10.ts',
    'src/lpt.ts',
    'src/conout.ts',
    'src/my file.ts',
    `src/${'x'.repeat(252)}.ts`,
    `src/${'é'.repeat(126)}.ts`,
  ])('accepts %j', (path) => {
    expect(onlyProblem(path)).toBeUndefined();
  });

  it.each([
    // Git's own directory and its aliases (read-cache.c verify_path, path.c is_ntfs_dotgit, utf8.c is_hfs_dotgit)
    ['.git/config', `${DOT_GIT} (".git" is Git's own directory)`],
    ['vendor/lib/.git/HEAD', `${DOT_GIT} (".git" is Git's own directory)`],
    ['.git', `${DOT_GIT} (".git" is Git's own directory)`],
    ['.GIT/hooks/pre-commit', `${DOT_GIT} (".GIT" is .git where case is ignored, as on Windows and macOS)`],
    ['.Git/config', `${DOT_GIT} (".Git" is .git where case is ignored, as on Windows and macOS)`],
    ['.git /config', `${DOT_GIT} (".git " is .git on Windows, which drops trailing dots and spaces)`],
    ['.git . ./config', `${DOT_GIT} (".git . ." is .git on Windows, which drops trailing dots and spaces)`],
    ['src/.GIT../hooks/x', `${DOT_GIT} (".GIT.." is .git on Windows, which drops trailing dots and spaces)`],
    ['git~1/config', `${DOT_GIT} ("git~1" is the Windows short (8.3) name of .git)`],
    ['GIT~1/config', `${DOT_GIT} ("GIT~1" is the Windows short (8.3) name of .git)`],
    ['GIT~1./config', `${DOT_GIT} ("GIT~1." is the Windows short (8.3) name of .git)`],
    [
      '.git::$INDEX_ALLOCATION/config',
      `${DOT_GIT} (".git::$INDEX_ALLOCATION" is an NTFS alternate data stream of .git)`,
    ],
    ['.git:stream', `${DOT_GIT} (".git:stream" is an NTFS alternate data stream of .git)`],
    ['git~1:x/y', `${DOT_GIT} ("git~1:x" is an NTFS alternate data stream of .git)`],
    ['.g\u200Cit/config', `${DOT_GIT} (".g<U+200C>it" is .git on macOS, whose HFS+ ignores U+200C in names)`],
    ['\uFEFF.git/HEAD', `${DOT_GIT} ("<U+FEFF>.git" is .git on macOS, whose HFS+ ignores U+FEFF in names)`],
    [
      '.G\u200Di\u202Et/x',
      `${DOT_GIT} (".G<U+200D>i<U+202E>t" is .git on macOS, whose HFS+ ignores U+200D, U+202E in names)`,
    ],
    ['src\\.git\\config', `${DOT_GIT} (".git" is Git's own directory)`],
    // The .github/ tree
    ['.github/workflows/deploy.yml', PROTECTED_GITHUB],
    ['.GitHub/Workflows/deploy.yml', PROTECTED_GITHUB],
    ['.github/actions/setup/action.yml', PROTECTED_GITHUB],
    ['.github/CODEOWNERS', PROTECTED_GITHUB],
    ['.github/dependabot.yml', PROTECTED_GITHUB],
    ['.github/ISSUE_TEMPLATE/bug.yml', PROTECTED_GITHUB],
    ['.github', PROTECTED_GITHUB],
    ['.github./workflows/x.yml', TRAILING('.github.')],
    ['.github /workflows/x.yml', TRAILING('.github ')],
    ['.github:x/workflows/x.yml', 'contains ":", which Windows does not allow in names'],
    ['.git\u200Bhub/workflows/x.yml', INVISIBLE('U+200B')],
    [
      'GITHUB~1/workflows/x.yml',
      'starts with "GITHUB~1", the Windows short (8.3) name of .github; .github/ is protected',
    ],
    // Shape
    ['', 'path is empty'],
    ['/etc/passwd', 'is absolute; paths must be relative to the repository root'],
    ['C:/Windows/system.ini', 'starts with a drive letter; paths must be relative to the repository root'],
    ['c:relative.txt', 'starts with a drive letter; paths must be relative to the repository root'],
    ['src\\index.ts', 'contains a backslash; use "/" as the separator'],
    ['../outside.ts', 'contains a ".." segment'],
    ['src/../../outside.ts', 'contains a ".." segment'],
    ['./src/index.ts', 'contains a "." segment'],
    ['src/./index.ts', 'contains a "." segment'],
    ['src//index.ts', 'contains an empty segment (a doubled or trailing "/")'],
    ['src/', 'contains an empty segment (a doubled or trailing "/")'],
    // Characters
    ['src/new\nline.ts', 'contains the control character U+000A'],
    ['src/del\u007F.ts', 'contains the control character U+007F'],
    ['src/\uD800.ts', 'is not valid Unicode (an unpaired surrogate U+D800)'],
    ['src/\u2066isolate\u2069.ts', INVISIBLE('U+2066')],
    ['src/a\u061Cb.ts', INVISIBLE('U+061C')],
    ['src/soft\u00ADhyphen.ts', INVISIBLE('U+00AD')],
    ['src/\uFE0Fvs16.ts', INVISIBLE('U+FE0F')],
    ['src/\u{E0100}vs17.ts', INVISIBLE('U+E0100')],
    ['src/\u3164filler.ts', INVISIBLE('U+3164')],
    ['src/no\u00A0break.ts', INVISIBLE('U+00A0')],
    ['src/line\u2028sep.ts', INVISIBLE('U+2028')],
    ['src/a<b>.ts', 'contains "<", which Windows does not allow in names'],
    ['src/what?.ts', 'contains "?", which Windows does not allow in names'],
    ['src/star*.ts', 'contains "*", which Windows does not allow in names'],
    ['src/pipe|.ts', 'contains "|", which Windows does not allow in names'],
    ['src/"quoted".ts', 'contains """, which Windows does not allow in names'],
    ['src/a:b.ts', 'contains ":", which Windows does not allow in names'],
    // Names
    ['src/index.ts.', TRAILING('index.ts.')],
    ['src/index.ts ', TRAILING('index.ts ')],
    ['docs/.../x.md', TRAILING('...')],
    ['PRN', RESERVED('PRN')],
    ['src/aux.ts', RESERVED('aux.ts')],
    ['src/Aux.tar.gz', RESERVED('Aux.tar.gz')],
    ['COM1/x.ts', RESERVED('COM1')],
    ['src/com9.log', RESERVED('com9.log')],
    ['src/LPT1', RESERVED('LPT1')],
    ['src/lpt¹.txt', RESERVED('lpt¹.txt')],
    ['src/CONOUT$', RESERVED('CONOUT$')],
    ['src/con .txt', RESERVED('con .txt')],
    [
      `src/${'x'.repeat(253)}.ts`,
      `has a name of 256 bytes ("${'x'.repeat(40)}…"), over the 255-byte limit for a name`,
    ],
    [
      `src/${'é'.repeat(127)}.ts`,
      `has a name of 257 bytes ("${'é'.repeat(40)}…"), over the 255-byte limit for a name`,
    ],
  ])('refuses %j', (path, finding) => {
    expect(onlyProblem(path)).toBe(finding);
  });

  it('matches rules on the NFC form, so a decomposed spelling is the same name', () => {
    expect(onlyProblem('src/cafe\u0301.ts', { allowedPaths: ['src/caf\u00e9.ts'] })).toBeUndefined();
    expect(onlyProblem('src/caf\u00e9.ts', { allowedPaths: ['src/cafe\u0301.ts'] })).toBeUndefined();
    const allowed = { allowedGithubPaths: ['ISSUE_TEMPLATE/cafe\u0301.yml'] };
    expect(onlyProblem('.github/ISSUE_TEMPLATE/caf\u00e9.yml', allowed)).toBeUndefined();
    // U+212A KELVIN SIGN is K once normalised.
    expect(problemsFor(['src/\u212Aelvin.ts', 'src/kelvin.ts'])).toEqual([
      'src/kelvin.ts: collides with "src/\u212Aelvin.ts" on case-insensitive file systems (Windows, macOS)',
    ]);
  });
});

describe('checkPaths: .github/ sub-paths the config allows', () => {
  it('allows exactly the configured sub-paths, case-insensitively', () => {
    const allowed = { allowedGithubPaths: ['workflows/', 'ISSUE_TEMPLATE/', 'CODEOWNERS'] };
    expect(problemsFor(['.github/workflows/deploy.yml'], allowed)).toEqual([]);
    expect(problemsFor(['.GitHub/Workflows/deploy.yml'], allowed)).toEqual([]);
    expect(problemsFor(['.github/ISSUE_TEMPLATE/bug.yml'], allowed)).toEqual([]);
    expect(problemsFor(['.github/CODEOWNERS'], allowed)).toEqual([]);
    expect(problemsFor(['.github/workflowsx/deploy.yml'], allowed)).toEqual([
      `.github/workflowsx/deploy.yml: ${PROTECTED_GITHUB}`,
    ]);
    expect(problemsFor(['.github/CODEOWNERS.bak'], allowed)).toEqual([
      `.github/CODEOWNERS.bak: ${PROTECTED_GITHUB}`,
    ]);
    expect(problemsFor(['.github/dependabot.yml'], allowed)).toEqual([
      `.github/dependabot.yml: ${PROTECTED_GITHUB}`,
    ]);
    expect(problemsFor(['.github'], allowed)).toEqual([`.github: ${PROTECTED_GITHUB}`]);
  });

  it('still applies paths.allowed to an allowed .github/ path', () => {
    expect(
      problemsFor(['.github/workflows/deploy.yml'], {
        allowedGithubPaths: ['workflows/'],
        allowedPaths: ['src'],
      }),
    ).toEqual(['.github/workflows/deploy.yml: is outside the allowed paths (src)']);
  });
});

describe('checkPaths: the bundle as a whole', () => {
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
      'src/README.md: collides with "src/Readme.md" on case-insensitive file systems (Windows, macOS)',
      'cafe\u0301.ts: collides with "caf\u00e9.ts": the same name once Unicode-normalised, as macOS stores names',
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
