import { githubPathProblem, isCodeOwnersPath } from '../../../src/core/gates/github-path-problem.js';

// Review #9: GitHub reads CODEOWNERS from the root, docs/ and .github/ (docs.github.com, *About
// code owners*); a generated one outside .github/ rewrote who must review.
describe('githubPathProblem: CODEOWNERS wherever GitHub reads it', () => {
  it.each(['CODEOWNERS', 'docs/CODEOWNERS', 'codeowners', 'Docs/CodeOwners', '.github/CODEOWNERS'])(
    'refuses %s',
    (path) => {
      expect(githubPathProblem({ path, allowed: [] })).toMatch(/CODEOWNERS|\.github/);
    },
  );

  it.each(['src/CODEOWNERS', 'docs/team/CODEOWNERS', 'CODEOWNERS.md', 'README.md'])(
    'leaves %s alone (GitHub does not read it as code owners)',
    (path) => {
      expect(isCodeOwnersPath(path)).toBe(false);
      expect(githubPathProblem({ path, allowed: [] })).toBeUndefined();
    },
  );

  it('allows a root CODEOWNERS only when paths.allow_github names CODEOWNERS', () => {
    expect(githubPathProblem({ path: 'CODEOWNERS', allowed: ['workflows/'] })).toBeDefined();
    expect(githubPathProblem({ path: 'docs/CODEOWNERS', allowed: ['CODEOWNERS'] })).toBeUndefined();
  });
});
