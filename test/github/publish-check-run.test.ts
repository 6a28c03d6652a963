import type { GateReport } from '../../src/core/gates/gate-report.js';
import { publishCheckRun, type CheckRunClient } from '../../src/github/publish-check-run.js';

function recordingChecks() {
  const created: Array<Parameters<CheckRunClient['checks']['create']>[0]> = [];
  const client: CheckRunClient = {
    checks: {
      create: async (params) => {
        created.push(params);
        return { data: { id: 77 } };
      },
    },
  };
  return { client, created };
}

describe('publishCheckRun', () => {
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
    const checks = recordingChecks();

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
