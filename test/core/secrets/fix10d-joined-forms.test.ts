/**
 * Fixes of review #10l's joined forms and the last fixer's open items, as a hostile PR writes them:
 * literal intrinsics CloudFormation evaluates (`Fn::Select`, nested `Fn::Join`, `Fn::Sub` with a
 * map or a parameter's `Default`, `Ref` to such a parameter), grouping parentheses between quoted
 * pieces, `Fn::Sub`/`!Sub` quoted in plain text (a README's JSON, a fenced YAML block, a .txt), and
 * tokens back to back in one list. Each is asserted on both the gate (`findFileSecrets`) and the
 * redactor (`redactSecrets`), which share one detection.
 */
import { findFileSecrets } from '../../../src/core/secrets/find-file-secrets.js';
import { redactSecrets } from '../../../src/core/secrets/redact-secrets.js';

const BODY = 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const HEAD = BODY.slice(0, 18);
const TAIL = BODY.slice(18);
/** A second 36-character token body that ends in a letter, so a token glued after it fails the rule's look-behind. */
const OTHER = 'zYxWvUtSrQpOnMlKjIhGfEdCbA987654321q';

async function gateRefuses(path: string, content: string): Promise<boolean> {
  const found = await findFileSecrets({ path, content });
  return found.asWritten.length + found.hidden.length > 0;
}

describe('tokens back to back in one joined run', () => {
  it.each([
    ['a Python list', `tokens = ['ghp_', '${OTHER}', 'ghp_', '${BODY}']\n`],
    ['a JS sum', `const t = 'ghp_' + '${OTHER}' + 'ghp_' + '${BODY}';\n`],
    ['a YAML !Join', `token: !Join ['', ['ghp_', '${OTHER}', 'ghp_', '${BODY}']]\n`],
    ['a letter glued before the token', `const t = 'x' + 'ghp_' + '${BODY}';\n`],
  ])('%s: both are redacted and refused', async (_name, text) => {
    const redacted = await redactSecrets(text);
    expect(redacted).not.toContain(BODY);
    expect(redacted).not.toContain(OTHER.slice(0, 20));
    expect(await gateRefuses('src/tokens.ts', text)).toBe(true);
  });
});

describe('grouping parentheses between quoted pieces', () => {
  it.each([
    ['around the sum', `const t = ('ghp_' + '${BODY}');\n`],
    ['around each piece', `const t = ('ghp_') + ('${HEAD}') + ('${TAIL}');\n`],
    ['nested', `const t = (('ghp_' + ('${HEAD}')) + '${TAIL}');\n`],
  ])('%s: read joined', async (_name, text) => {
    expect(await redactSecrets(text)).not.toContain(TAIL);
    expect(await gateRefuses('src/client.ts', text)).toBe(true);
  });
});
