/**
 * Review 10g: secrets written inside JSON text that is itself escaped (JSON-in-text).
 *
 * Tried and held (not asserted here):
 * - `redactJsonStrings` redacts `{"aws_secret_access_key":"…"}`, a quoted escaped document
 *   `"{\"aws_secret_access_key\":\"…\"}"`, `key: value` and Python-style `{'key': 'value'}`;
 * - `redactingLog` redacts the plain forms above.
 * Timing (reported, not asserted): `embeddedJsonSpans` was quadratic on unclosed openers — 80,000
 * characters of `{"` took about 3 s, 240,000 of `{"a":[` about 19 s. Fixed (issue #10): the
 * faults below pass, and `bench/escaped-json-bench.ts` measures those inputs.
 */
import { redactJsonStrings } from '../../../src/core/secrets/redact-json-strings.js';
import { redactingLog } from '../../../src/core/secrets/redacting-log.js';

import { FAKE_AWS_SECRET_ACCESS_KEY as SECRET } from '../../fixtures/adversarial/secrets/fake-secrets.js';

describe('escaped JSON in text (review10g)', () => {
  it('deploy log leak — a deploy log line quoting a JSON string (a stack event reason) has its escaped secret redacted, as artifacts do', async () => {
    const lines: string[] = [];
    const log = redactingLog((line) => lines.push(line));
    log.log(
      `CREATE_FAILED Config: Resource handler returned message: "{\\"aws_secret_access_key\\":\\"${SECRET}\\"}"`,
    );
    await log.flush();
    // Right: the line goes out, the secret does not (redactJsonStrings redacts the same text).
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(SECRET);
  });

  it('escaped secret kept — escaped JSON not wrapped in quotes (`{\\"aws_secret_access_key\\":\\"…\\"}`, the doc comment\'s own example) is redacted', async () => {
    const text = `request body: {\\"aws_secret_access_key\\":\\"${SECRET}\\"}`;
    const redacted = await redactJsonStrings({ message: text });
    expect(redacted.message).not.toContain(SECRET);
  });

  it('escaped secret kept — a truncated escaped JSON text (a log cut at its length limit) is redacted', async () => {
    const text = `"{\\"aws_secret_access_key\\":\\"${SECRET}\\", \\"region\\":\\"eu-we`;
    const redacted = await redactJsonStrings({ message: text });
    expect(redacted.message).not.toContain(SECRET);
  });

  it('the same quoted document is redacted by redactJsonStrings (the control)', async () => {
    const text = `CREATE_FAILED Config: "{\\"aws_secret_access_key\\":\\"${SECRET}\\"}"`;
    const redacted = await redactJsonStrings({ message: text });
    expect(redacted.message).not.toContain(SECRET);
  });
});
