import { CONFIG_PATH } from '../config/agent-config.js';
import { isUnder } from './is-under.js';

/** The Windows short (8.3) names `.github` can get: `GITHUB~1` to `GITHUB~4`, as Git reckons for `.gitmodules`. */
const GITHUB_SHORT_NAME = /^github~[1-4]$/;

export interface GithubPathParams {
  /** A path that passed {@link pathNameProblem}: relative, `/`-separated, no invisible characters. */
  readonly path: string;
  /** Sub-paths of `.github/` that may be written (`workflows/`, `CODEOWNERS`), from `paths.allow_github`. */
  readonly allowed: readonly string[];
}

/**
 * A CODEOWNERS file GitHub reads outside `.github/`: the repository root or `docs/`
 * (docs.github.com, *About code owners*: "in the root, `docs/`, or `.github/` directory"). Compared
 * after NFC and case-insensitively, as {@link githubPathProblem} compares.
 */
export function isCodeOwnersPath(path: string): boolean {
  return /^(docs\/)?codeowners$/.test(path.normalize('NFC').toLowerCase());
}

/**
 * Why a path in the root `.github/` directory (or a CODEOWNERS file in the root or `docs/`) may not be written, or undefined when it is elsewhere or
 * allowed. Everything there steers the repository rather than being part of the product: workflows and
 * composite actions run with its secrets, CODEOWNERS and dependabot decide reviews and updates, and this
 * agent's own config holds the deploy rules. Names compare after NFC and case-insensitively (a checkout
 * on Windows or macOS writes `.GitHub/` into `.github/`). The agent's config is refused even when an
 * allowed sub-path covers it: a generated pull request must never loosen the rules that deploy it.
 */
export function githubPathProblem({ path, allowed }: GithubPathParams): string | undefined {
  const key = path.normalize('NFC').toLowerCase();
  const [root = '', ...rest] = key.split('/');
  if (isCodeOwnersPath(path)) {
    return allowed.some((entry) => entry.normalize('NFC').toLowerCase() === 'codeowners')
      ? undefined
      : 'is a CODEOWNERS file, which GitHub reads from the root and docs/ as from .github/ to decide who must review (allow it with paths.allow_github: [CODEOWNERS])';
  }
  if (GITHUB_SHORT_NAME.test(root)) {
    return `starts with "${path.split('/')[0] ?? root}", the Windows short (8.3) name of .github; .github/ is protected`;
  }
  if (root !== '.github') return undefined;
  if (key === CONFIG_PATH.toLowerCase()) {
    return "is this agent's own config, which a generated change may never write (it would let a pull request loosen the deploy rules)";
  }
  const subPath = rest.join('/');
  if (allowed.some((entry) => subPath !== '' && isUnder(subPath, entry.normalize('NFC').toLowerCase()))) {
    return undefined;
  }
  return `is under .github/, which is protected because it steers CI, reviews and deploys (allow a sub-path with paths.allow_github, e.g. [workflows/])`;
}
