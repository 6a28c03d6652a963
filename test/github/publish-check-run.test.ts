import type { GateReport } from '../../src/core/gates/gate-report.js';
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
    const report = await runGates(goodBundle(), policy);
    await publishCheckRun({ client, owner: 'acme', repo: 'shop', headSha: 'abc', report });
    expect(created[0]).toMatchObject({
      conclusion: 'success',
      output: { title: '5 validation gates passed' },
    });
  });

  it('counts gates that did not run after the limits failed as not failed', async () => {
    const { client, created } = recordingClient();
    const report = await runGates(bundleOf([file('src/a.ts'), file('src/b.ts')]), { ...policy, maxFiles: 1 });
    await publishCheckRun({ client, owner: 'acme', repo: 'shop', headSha: 'abc', report });
    expect(created[0]).toMatchObject({
      conclusion: 'failure',
      output: { title: '1 of 5 validation gates failed' },
    });
  });

  it("keeps a summary of huge findings within GitHub's 65,535-byte limit, whole rows at a time", async () => {
    // Multi-byte text: a limit counted in characters would let this through and GitHub refuse it.
    const message = `ungültige Ressource ✗ ${'é'.repeat(4_000)}`;
    const report: GateReport = {
      passed: false,
      results: (['paths', 'limits', 'template', 'typescript'] as const).map((gate) => ({
        gate,
        passed: false,
        findings: Array.from({ length: 12 }, (_, index) => ({ gate, path: `src/f${index}.ts`, message })),
      })),
    };
    const checks = recordingClient();

    await publishCheckRun({ client: checks.client, owner: 'acme', repo: 'shop', headSha: 'abc', report });

    const summary = checks.created[0]?.output.summary ?? '';
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(65_535);
    expect(summary).toContain('| Gate | Result | Findings |');
    expect(summary).toMatch(
      /…and \d+ more \(cut to fit GitHub's 65,535-byte limit for a check run summary\)$/,
    );
    expect(checks.created[0]).toMatchObject({
      conclusion: 'failure',
      output: { title: '4 of 4 validation gates failed' },
    });
  });
});
