import { embeddedJsonSpans } from '../../../src/core/secrets/embedded-json-spans.js';
import { redactJsonStrings } from '../../../src/core/secrets/redact-json-strings.js';
import {
  FAKE_AWS_SECRET_ACCESS_KEY,
  FAKE_GITHUB_CLASSIC_TOKEN,
  FAKE_SLACK_WEBHOOK_URL,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';

/**
 * review10f: JSON written inside a text (a model's files as JSON text, a JSON file quoted in a
 * message) hides a secret behind its escapes from the scanner's patterns; every such document the
 * walk sees is scanned decoded.
 */
const config = JSON.stringify({ region: 'us-east-1', aws_secret_access_key: FAKE_AWS_SECRET_ACCESS_KEY });

describe('redactJsonStrings: JSON written inside a string is scanned decoded', () => {
  it('a JSON file quoted as a JSON string in prose', async () => {
    const text = `The config is ${JSON.stringify(config)} as you asked.`;
    const redacted = await redactJsonStrings({ text });
    expect(redacted.text).not.toContain(FAKE_AWS_SECRET_ACCESS_KEY);
    expect(redacted.text).toMatch(/^The config is .*\[REDACTED:[a-z-]+\].* as you asked\.$/);
  });

  it('files as JSON text, itself quoted again (escaped twice over)', async () => {
    const files = JSON.stringify({ files: [{ path: 'app/config.json', content: config }] });
    const redacted = await redactJsonStrings([{ text: `Answer: ${JSON.stringify(files)}` }]);
    expect(JSON.stringify(redacted)).not.toContain(FAKE_AWS_SECRET_ACCESS_KEY);
  });

  it('a token split by a unicode escape, and a URL by escaped slashes', async () => {
    const token = `${FAKE_GITHUB_CLASSIC_TOKEN.slice(0, 4)}\\u00${FAKE_GITHUB_CLASSIC_TOKEN.charCodeAt(4).toString(16)}${FAKE_GITHUB_CLASSIC_TOKEN.slice(5)}`;
    const url = FAKE_SLACK_WEBHOOK_URL.replace(/\//g, '\\/');
    const text = `Here: {"token": "${token}", "hook": "${url}"} done`;
    expect(JSON.parse(text.slice(6, -5))).toEqual({
      token: FAKE_GITHUB_CLASSIC_TOKEN,
      hook: FAKE_SLACK_WEBHOOK_URL,
    });
    const redacted = await redactJsonStrings(text);
    expect(redacted).not.toContain(token);
    expect(redacted).not.toContain(url);
    // Redacted in place: the rest of the text stays as written.
    expect(redacted).toBe(
      'Here: {"token": "[REDACTED:github-token]", "hook": "[REDACTED:slack-webhook-url]"} done',
    );
  });

  it('leaves a text whose JSON holds no secret exactly as written', async () => {
    const text =
      'Files:\n{ "files": [ { "path": "a.json", "content": "{\\"region\\": \\"us-east-1\\"}" } ] }\nconst x = {"a": 1, b};';
    await expect(redactJsonStrings(text)).resolves.toBe(text);
  });
});

describe('embeddedJsonSpans', () => {
  it('finds objects and arrays, and passes over code and plain quotes', () => {
    const text = 'x = {"a": 1, b}; say "hi"; then {"k": [1]} and ["s"] and "a\\"b" {not json}';
    const search = embeddedJsonSpans(text);
    expect(search.complete).toBe(true);
    expect(search.documents.map((span) => span.value)).toEqual([{ k: [1] }, ['s']]);
  });
});
