import { redactingReporter } from '../../../src/core/secrets/redacting-reporter.js';
import { FAKE_GITHUB_CLASSIC_TOKEN as TOKEN } from '../../fixtures/adversarial/secrets/fake-secrets.js';

function sink() {
  const written: string[] = [];
  return {
    written,
    info: (line: string) => written.push(`info: ${line}`),
    setFailed: (message: string) => written.push(`failed: ${message}`),
  };
}

describe("redactingReporter: the Action's log and failure line", () => {
  it('writes log lines redacted, in order', async () => {
    const out = sink();
    const reporter = redactingReporter(out);
    reporter.log('cloning the repository');
    reporter.log(`git fetch https://x-access-token:${TOKEN}@github.com/acme/shop.git failed`);
    reporter.log('done');
    await reporter.flush();
    expect(out.written).toHaveLength(3);
    expect(out.written[0]).toBe('info: cloning the repository');
    expect(out.written[1]).not.toContain(TOKEN);
    expect(out.written[1]).toContain('[REDACTED:');
    expect(out.written[2]).toBe('info: done');
  });

  it('fails the step with the message redacted, after the lines logged before it', async () => {
    const out = sink();
    const reporter = redactingReporter(out);
    reporter.log('step one');
    await reporter.fail(`implementation-agent stopped: request failed with token ${TOKEN}`);
    expect(out.written).toHaveLength(2);
    expect(out.written[0]).toBe('info: step one');
    expect(out.written[1]).toMatch(/^failed: implementation-agent stopped: /);
    expect(out.written[1]).not.toContain(TOKEN);
  });
});
