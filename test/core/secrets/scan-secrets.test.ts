import { performance } from 'node:perf_hooks';
import { scanSecrets } from '../../../src/core/secrets/scan-secrets.js';
import { secretKind } from '../../../src/core/secrets/secret-kind.js';
import {
  FAKE_AWS_SECRET_ACCESS_KEY,
  FAKE_GITHUB_CLASSIC_TOKEN,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';

describe('scanSecrets', () => {
  it('locates the value itself, not the name before it', async () => {
    const text = `# deploy\nexport AWS_SECRET_ACCESS_KEY=${FAKE_AWS_SECRET_ACCESS_KEY}\n`;

    const [match] = await scanSecrets({ text });

    const start = text.indexOf(FAKE_AWS_SECRET_ACCESS_KEY);
    expect(match).toMatchObject({
      kind: { slug: 'aws-secret-access-key', title: 'AWS secret access key' },
      ruleId: '@secretlint/secretlint-rule-aws',
      range: [start, start + FAKE_AWS_SECRET_ACCESS_KEY.length],
      line: 2,
      column: 30,
    });
  });

  it('applies file-type rules by path: an npm token in .npmrc', async () => {
    const text = `//registry.npmjs.org/:_authToken=${FAKE_GITHUB_CLASSIC_TOKEN.slice(4)}\n`;

    expect(await scanSecrets({ text, path: '.npmrc' })).toMatchObject([{ kind: { slug: 'npm-token' } }]);
    expect(await scanSecrets({ text, path: 'notes.txt' })).toEqual([]);
  });

  it('lists at most 20 findings of one rule, then one that stands for the rest', async () => {
    const text = `${FAKE_GITHUB_CLASSIC_TOKEN}\n` + 'xoxb-1-2 '.repeat(5_000);

    const matches = await scanSecrets({ text });

    expect(matches.map((match) => match.kind.slug)).toEqual([
      'github-token',
      ...Array.from({ length: 20 }, () => 'slack-token'),
      'too-many-secrets',
    ]);
    expect(matches.map((match) => match.overflow)).toEqual([
      ...Array.from({ length: 21 }, () => false),
      true,
    ]);
    expect(matches.at(-1)).toMatchObject({ line: 2, column: 181 });
  });

  it('does not count AWS account IDs, which are not reported at all', async () => {
    const text = Array.from(
      { length: 50 },
      (_, index) => `AccountId: '${String(index).padStart(12, '1')}'`,
    ).join('\n');

    expect(await scanSecrets({ text })).toEqual([]);
  });

  it('leaves no profiling marks behind, so a long-running server does not grow with every scan', async () => {
    performance.clearMarks();
    for (let index = 0; index < 20; index++) {
      await scanSecrets({ text: `const token = '${FAKE_GITHUB_CLASSIC_TOKEN}';`, path: `src/f${index}.ts` });
    }

    expect(performance.getEntriesByType('mark')).toEqual([]);
  });

  it('lets other code in the process use performance marks without crashing it', async () => {
    await scanSecrets({ text: 'nothing secret' });
    performance.mark('request::end');
    performance.clearMarks();

    // secretlint's observer would throw from an unhandled promise by now.
    await new Promise((resolve) => setImmediate(resolve));
    expect(performance.getEntriesByType('measure')).toEqual([]);
  });
});

describe('secretKind', () => {
  it('names the kinds of the recommended preset and makes a readable one for any other id', () => {
    expect(secretKind('GITHUB_TOKEN')).toEqual({ slug: 'github-token', title: 'GitHub token' });
    expect(secretKind('NewVendorAPIKey')).toEqual({
      slug: 'new-vendor-apikey',
      title: 'secret (NewVendorAPIKey)',
    });
    expect(secretKind('toString')).toEqual({ slug: 'to-string', title: 'secret (toString)' });
  });
});
