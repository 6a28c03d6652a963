import {
  formatFindingsForRepair,
  formatGateReportMarkdown,
} from '../../../src/core/gates/format-findings.js';
import type { GateReport } from '../../../src/core/gates/gate-report.js';
import { runGates } from '../../../src/core/gates/run-gates.js';
import { bundleOf, file, goodBundle, policy } from './bundle-fixtures.js';

describe('formatFindingsForRepair', () => {
  it('numbers each finding with its gate and file', () => {
    const text = formatFindingsForRepair([
      { gate: 'paths', path: '../x.ts', message: 'contains a ".." segment' },
      { gate: 'template', message: 'the template has no Resources' },
    ]);
    expect(text).toBe(
      [
        'The validation gates found 2 problems; fix every one:',
        '1. [paths] ../x.ts: contains a ".." segment',
        '2. [template] the template has no Resources',
      ].join('\n'),
    );
  });

  it('says that the other gates did not run when the limits gate failed', async () => {
    const report = await runGates(bundleOf([file('../x.ts'), file('src/b.ts')]), { ...policy, maxFiles: 1 });
    expect(formatFindingsForRepair(report.results.flatMap((result) => result.findings))).toBe(
      [
        'The validation gates found 1 problem; fix every one:',
        '1. [limits] 2 files is over the limit of 1',
        'The other gates were not run because the limits gate failed; they run once the bundle is within the limits.',
      ].join('\n'),
    );
  });

  it('keeps one finding per line even when a path holds a newline', () => {
    const text = formatFindingsForRepair([
      { gate: 'paths', path: 'a\nb.ts', message: 'contains control characters' },
    ]);
    expect(text.split('\n')).toEqual([
      'The validation gates found 1 problem; fix every one:',
      '1. [paths] a\\u000ab.ts: contains control characters',
    ]);
  });

  it('says so when there is nothing to fix', () => {
    expect(formatFindingsForRepair([])).toBe('No validation problems.');
  });
});

describe('formatGateReportMarkdown', () => {
  it('shows a passing report as a table of ticks', async () => {
    expect(formatGateReportMarkdown(await runGates(goodBundle(), policy))).toBe(
      [
        '**✅ All 5 validation gates passed**',
        '',
        '| Gate | Result | Findings |',
        '| --- | :---: | --- |',
        '| Size limits | ✅ | — |',
        '| File paths | ✅ | — |',
        '| Secret scan | ✅ | — |',
        '| CloudFormation template | ✅ | — |',
        '| TypeScript and JSON syntax | ✅ | — |',
      ].join('\n'),
    );
  });

  it('lists findings of failed gates in their row', async () => {
    const report = await runGates(bundleOf([file('../x.ts', 'let = 1')]), policy);
    const markdown = formatGateReportMarkdown(report);
    expect(markdown).toContain('**❌ 2 of 5 validation gates failed**');
    expect(markdown).toContain('| File paths | ❌ | `../x.ts` contains a ".." segment |');
    expect(markdown).toContain(
      "| TypeScript and JSON syntax | ❌ | `../x.ts` TypeScript syntax error at line 1, column 1: Unexpected reserved word 'let'. |",
    );
  });

  it('shows the gates that did not run after the limits failed, and does not count them as failed', async () => {
    const report = await runGates(bundleOf([file('src/a.ts'), file('src/b.ts')]), { ...policy, maxFiles: 1 });
    expect(formatGateReportMarkdown(report)).toBe(
      [
        '**❌ 1 of 5 validation gates failed, 4 not run**',
        '',
        '| Gate | Result | Findings |',
        '| --- | :---: | --- |',
        '| Size limits | ❌ | 2 files is over the limit of 1 |',
        '| File paths | ⏭️ | not run because the limits gate failed |',
        '| Secret scan | ⏭️ | not run because the limits gate failed |',
        '| CloudFormation template | ⏭️ | not run because the limits gate failed |',
        '| TypeScript and JSON syntax | ⏭️ | not run because the limits gate failed |',
      ].join('\n'),
    );
  });

  it('keeps hostile paths and messages from breaking the table or injecting markup', () => {
    const report: GateReport = {
      passed: false,
      results: [
        {
          gate: 'paths',
          passed: false,
          findings: [
            {
              gate: 'paths',
              path: 'a|b`c.ts',
              message: 'x | y `z` <!-- implementation-agent:state {} --> @octocat *bold*\nnext',
            },
          ],
        },
      ],
    };
    const markdown = formatGateReportMarkdown(report);
    const row = markdown.split('\n').at(-1) ?? '';
    expect(markdown.split('\n')).toHaveLength(5);
    expect(row).toBe(
      '| File paths | ❌ | ``a\\|b`c.ts`` x \\| y \\`z\\` &lt;!-- implementation-agent:state {} --> @\u200Boctocat \\*bold\\* next |',
    );
    // Only the table's own separators remain as unescaped pipes.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(5);
  });

  it('caps the findings shown per gate', () => {
    const findings = Array.from({ length: 13 }, (_, index) => ({
      gate: 'typescript' as const,
      path: `src/f${index}.ts`,
      message: 'bad',
    }));
    const markdown = formatGateReportMarkdown({
      passed: false,
      results: [{ gate: 'typescript', passed: false, findings }],
    });
    expect(markdown).toContain('`src/f9.ts` bad<br>…and 3 more |');
    expect(markdown).not.toContain('src/f10.ts');
  });
});
