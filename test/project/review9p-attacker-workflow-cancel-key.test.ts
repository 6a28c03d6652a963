// Attacker pass 9p (test-only) on the example workflow's `/cancel` key step (perl, in
// .github/workflows/implementation-agent.yml): a comment the step reads as `/cancel` runs outside the
// task's concurrency group, so it must be exactly the comments parseCommand reads as `/cancel`
// (no environment) — otherwise a comment the agent does not run as `/cancel` escapes the group and
// races the task's running run, or a real `/cancel` waits behind the run it should stop. Attacked:
// whitespace perl's \s and JavaScript's trim() disagree on (U+0085 NEXT LINE), the other Unicode
// spaces (NBSP, U+2028, U+3000, U+205F), a `/cancel` followed by an NBSP and an environment, a
// `/cancel` in a setext heading, and letters bash's ${x,,} might fold.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { parseCommand } from '../../src/core/commands/parse-command.js';

const workflow = parse(
  readFileSync(new URL('../../.github/workflows/implementation-agent.yml', import.meta.url), 'utf8'),
) as { jobs: Record<string, { steps: Array<{ id?: string; run?: string }> }> };

/** Runs the `task` job's key step with bash, as a runner would, and returns the key it wrote. */
function taskKey(comment: string): string {
  const script = workflow.jobs['task']?.steps.find((step) => step.id === 'key')?.run ?? '';
  const dir = mkdtempSync(path.join(tmpdir(), 'workflow-key-'));
  const output = path.join(dir, 'output');
  execFileSync('bash', ['--noprofile', '--norc', '-e', '-c', script], {
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: dir,
      LANG: 'C.UTF-8',
      GITHUB_OUTPUT: output,
      GITHUB_REPOSITORY: 'octo/orders',
      GITHUB_RUN_ID: '4242',
      ON_PULL_REQUEST: 'false',
      ISSUE: '5',
      COMMENT: comment,
    },
  });
  return readFileSync(output, 'utf8').trim();
}

/** Whether the agent runs `body` as `/cancel` without an environment. */
function agentCancels(body: string): boolean {
  const parsed = parseCommand({ body, environments: ['staging'] });
  return (
    parsed.kind === 'command' && parsed.command.kind === 'cancel' && parsed.command.environment === undefined
  );
}

/** Whether the key step puts `body`'s run outside the task's group. */
const stepCancels = (body: string): boolean => taskKey(body) === 'key=cancel-4242';

describe('the /cancel key step and parseCommand read the same comments as /cancel', () => {
  it.each([
    ['a NEXT LINE (U+0085) line before it', '\u0085\n/cancel'],
    ['a NEXT LINE (U+0085) after it', '/cancel\u0085'],
  ])('fixed FAULT: %s: perl trims U+0085 as a space, JavaScript does not, so the two disagree', (_, body) => {
    expect(stepCancels(body)).toBe(agentCancels(body));
  });

  it.each([
    ['an NBSP line before it', '\u00A0\n/cancel'],
    ['an ideographic space after it', '/cancel\u3000'],
    ['a LINE SEPARATOR after it', '/cancel\u2028'],
    ['a MEDIUM MATHEMATICAL SPACE first', '\u205F/cancel'],
    ['an NBSP and an environment', '/cancel\u00A0staging'],
    ['a setext heading', '/cancel\n---'],
    ['upper case', '/CANCEL'],
    ['a word joiner inside', '/can\u2060cel'],
    ['a fullwidth slash', '\uFF0Fcancel'],
    ['four NBSPs first (no indentation)', '\u00A0\u00A0\u00A0\u00A0/cancel'],
  ])('%s: the two agree (refused)', (_, body) => {
    expect(stepCancels(body)).toBe(agentCancels(body));
  });
});
