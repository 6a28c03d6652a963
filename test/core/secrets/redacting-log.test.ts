import { redactingLog } from '../../../src/core/secrets/redacting-log.js';
import {
  FAKE_AWS_SECRET_ACCESS_KEY,
  FAKE_GITHUB_CLASSIC_TOKEN,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';

describe('redactingLog', () => {
  it('writes every line redacted, in the order taken, by the time flush resolves', async () => {
    const lines: string[] = [];
    const sink = redactingLog((line) => lines.push(line));
    sink.log('first');
    sink.log(`token ${FAKE_GITHUB_CLASSIC_TOKEN}`);
    sink.log(`aws_secret_access_key = "${FAKE_AWS_SECRET_ACCESS_KEY}"`);
    sink.log('last');
    await sink.flush();
    expect(lines).toEqual([
      'first',
      'token [REDACTED:github-token]',
      'aws_secret_access_key = "[REDACTED:aws-secret-access-key]"',
      'last',
    ]);
  });

  it('keeps going after the wrapped log throws on a line', async () => {
    const lines: string[] = [];
    const sink = redactingLog((line) => {
      if (line === 'bad') throw new Error('sink down');
      lines.push(line);
    });
    sink.log('bad');
    sink.log('good');
    await expect(sink.flush()).resolves.toBeUndefined();
    expect(lines).toEqual(['good']);
  });
});
