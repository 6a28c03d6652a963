/**
 * Attacker pass (review #10q) on tokens split over lines by a language's own line continuation, in
 * a generated file (the secrets gate src/core/gates/check-secrets.ts, and the stored copy,
 * src/core/stores/redact-artifact-body.ts, which read a file as written, its YAML parsed). The
 * language joins the pieces back into the token when the file runs; the scanner sees two words.
 * Attacked: a backslash-newline inside a double-quoted shell word (POSIX sh §2.2.3; a Dockerfile
 * `RUN` line the same), a JavaScript string's LineContinuation (ECMA-262 §12.9.4), a TOML
 * multi-line basic string's line-ending backslash (TOML 1.0 "String"), and a `.env` value
 * continued the same way as the shell reads it. (Python's implicit concatenation is known and
 * being fixed.) Controls: YAML's escaped line break in a double-quoted scalar and a folded block
 * scalar, which the YAML reading joins. A fault is `it.failing` asserting the right answer; an
 * attack refused is an ordinary test.
 */
import { checkSecrets } from '../../../src/core/gates/check-secrets.js';
import { redactArtifactBody } from '../../../src/core/stores/redact-artifact-body.js';
import { bundleOf, file } from '../gates/bundle-fixtures.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const HEAD = TOKEN.slice(0, 20);
const TAIL = TOKEN.slice(20);

/** Whether the gate refuses the file, and whether its stored copy still holds the token's second half. */
async function judged(path: string, content: string) {
  const refused = (await checkSecrets(bundleOf([file(path, content)]))).length > 0;
  const stored = (await redactArtifactBody(content, `files/${path}`)).toString();
  return { refused, kept: stored.includes(TAIL) };
}

describe('review10q attacker: a token split by a line continuation', () => {
  it.each([
    [
      'a shell script (backslash-newline in double quotes)',
      'scripts/whoami.sh',
      `curl -H "Authorization: token ${HEAD}\\\n${TAIL}" https://api.github.com/user\n`,
    ],
    [
      'a Dockerfile RUN line',
      'Dockerfile',
      `FROM alpine:3.20\nRUN wget --header "Authorization: token ${HEAD}\\\n${TAIL}" https://api.github.com/user\n`,
    ],
    ['a JavaScript string', 'src/token.js', `export const token = "${HEAD}\\\n${TAIL}";\n`],
    ['a TOML multi-line basic string', 'config/app.toml', `token = """\\\n  ${HEAD}\\\n  ${TAIL}"""\n`],
  ])('fixed FAULT: %s is refused by the gate and not stored', async (_kind, path, content) => {
    expect(await judged(path, content)).toEqual({ refused: true, kept: false });
  });

  it.each([
    ['a YAML double-quoted scalar with an escaped line break', `token: "${HEAD}\\\n  ${TAIL}"\n`],
    ['a YAML folded block scalar', `token: >-\n  ${TOKEN}\n`],
  ])('%s is refused and not stored (control)', async (_kind, content) => {
    expect(await judged('config/app.yaml', content)).toEqual({ refused: true, kept: false });
  });
});
