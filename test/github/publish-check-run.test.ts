import { runGates } from '../../src/core/gates/run-gates.js';
import { publishCheckRun, type CheckRunClient } from '../../src/github/publish-check-run.js';
import { bundleOf, file, goodBundle, policy } from '../core/gates/bundle-fixtures.js';

function recordingClient(): {
  client: CheckRunClient;
  created: Parameters<CheckRunClient['checks']['create']>[0][];
} {
  const created: Parameters<CheckRunClient['checks']['create']>[0][] = [];
  const client: CheckRunClient = {
    checks: {
      create: async (params) => {
        created.push(params);
        return { data: { id: 7 } };
      },
    },
  };
  return { client, created };
}

describe('publishCheckRun', () => {
  it('titles a passing report with the number of gates', async () => {
    const { client, created } = recordingClient();
    const report = runGates(goodBundle(), policy);
    await publishCheckRun({ client, owner: 'acme', repo: 'shop', headSha: 'abc', report });
    expect(created[0]).toMatchObject({
      conclusion: 'success',
      output: { title: '4 validation gates passed' },
    });
  });

  it('counts gates that did not run after the limits failed as not failed', async () => {
    const { client, created } = recordingClient();
    const report = runGates(bundleOf([file('src/a.ts'), file('src/b.ts')]), { ...policy, maxFiles: 1 });
    await publishCheckRun({ client, owner: 'acme', repo: 'shop', headSha: 'abc', report });
    expect(created[0]).toMatchObject({
      conclusion: 'failure',
      output: { title: '1 of 4 validation gates failed' },
    });
  });
});
