import { redactSecrets, TOO_MANY_SECRETS_MARKER } from '../../../src/core/secrets/redact-secrets.js';
import {
  FAKE_AWS_ACCESS_KEY_ID,
  FAKE_AWS_SECRET_ACCESS_KEY,
  FAKE_GITHUB_CLASSIC_TOKEN,
  FAKE_SLACK_BOT_TOKEN,
  fakeRsaPrivateKey,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';
import { SECRET_CASES } from '../../fixtures/adversarial/secrets/secret-cases.js';
import { secretFragmentsIn } from '../../fixtures/adversarial/secrets/secret-fragments.js';

describe('redactSecrets', () => {
  it.each(SECRET_CASES.filter((secretCase) => !secretCase.escaped))(
    'removes every value of $name',
    async (secretCase) => {
      const redacted = await redactSecrets(secretCase.file.content, secretCase.file.path);

      expect(secretFragmentsIn(redacted, secretCase.values)).toEqual([]);
      expect(redacted).toContain('[REDACTED:');
    },
  );

  it('replaces only the value, with a marker naming its kind, and keeps the text around it', async () => {
    const text = [
      `AWS_ACCESS_KEY_ID=${FAKE_AWS_ACCESS_KEY_ID}`,
      `aws_secret_access_key = "${FAKE_AWS_SECRET_ACCESS_KEY}"`,
      `Post with ${FAKE_SLACK_BOT_TOKEN}, then push with ${FAKE_GITHUB_CLASSIC_TOKEN}.`,
    ].join('\n');

    expect(await redactSecrets(text)).toBe(
      [
        'AWS_ACCESS_KEY_ID=[REDACTED:aws-access-key-id]',
        'aws_secret_access_key = "[REDACTED:aws-secret-access-key]"',
        'Post with [REDACTED:slack-token], then push with [REDACTED:github-token].',
      ].join('\n'),
    );
  });

  it('removes every repetition of a value, even where its pattern alone would not match', async () => {
    const text = `AWS_SECRET_ACCESS_KEY=${FAKE_AWS_SECRET_ACCESS_KEY}\nThe key again: ${FAKE_AWS_SECRET_ACCESS_KEY}.`;

    expect(await redactSecrets(text)).toBe(
      'AWS_SECRET_ACCESS_KEY=[REDACTED:aws-secret-access-key]\nThe key again: [REDACTED:aws-secret-access-key].',
    );
  });

  it('removes a private key a requester pasted into an issue, with its header and footer', async () => {
    const text = `Please use this key:\n\n${fakeRsaPrivateKey()}\n\nThanks`;

    expect(await redactSecrets(text)).toBe('Please use this key:\n\n[REDACTED:private-key]\n\nThanks');
  });

  it('counts offsets from the start of the text when it begins with a byte order mark', async () => {
    const text = `\uFEFFtoken=${FAKE_GITHUB_CLASSIC_TOKEN};`;

    expect(await redactSecrets(text)).toBe('\uFEFFtoken=[REDACTED:github-token];');
  });

  it('withholds the whole text when it holds more secrets of one kind than are located one by one', async () => {
    const text = `Tokens: ${'xoxb-1-2 '.repeat(30)}and nothing else`;

    expect(await redactSecrets(text)).toBe(TOO_MANY_SECRETS_MARKER);
  });

  it('is idempotent and leaves text without secrets exactly as it was', async () => {
    const text = `Use ${FAKE_SLACK_BOT_TOKEN} for alerts.`;
    const once = await redactSecrets(text);

    expect(await redactSecrets(once)).toBe(once);
    expect(await redactSecrets('A small REST API to place and list orders.')).toBe(
      'A small REST API to place and list orders.',
    );
    expect(await redactSecrets('')).toBe('');
  });
});
