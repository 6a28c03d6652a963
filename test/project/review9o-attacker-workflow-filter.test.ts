// Attacker pass 9o (test-only) on the example workflow's `task` job condition
// (.github/workflows/implementation-agent.yml), which decides whether the Action runs at all. The
// workflow listens to `issues: edited` so that the Action records who rewrote an issue body
// (recordRequestEdit, review 9m/13m: a held request released by `/approve` counts only the editors
// its marker recorded, approve-held-request.ts `requestEditorsOf`), but the condition's clause
// meant for `pull_request.edited` (`github.event.action != 'edited' || github.event.changes.base
// != null`) also drops every `issues.edited` delivery, which never has `changes.base`: in the
// Action runtime no body edit is ever recorded. The condition is evaluated here as GitHub
// evaluates expressions (GitHub Docs, "Evaluate expressions in workflows and actions": a missing
// property is null, string comparison ignores case, `startsWith` ignores case and reads null as
// ''), on real payloads from @octokit/webhooks-examples. Also attacked: a command whose first
// non-empty line follows a blank line or spaces, which the app runs and the condition drops.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { parseCommand } from '../../src/core/commands/parse-command.js';
import { formIssue, issueComment } from '../fixtures/trigger-events.js';
import { webhookExample } from '../fixtures/webhook-payloads.js';

const workflow = parse(
  readFileSync(new URL('../../.github/workflows/implementation-agent.yml', import.meta.url), 'utf8'),
) as { jobs: Record<string, { if?: string }> };
const CONDITION = workflow.jobs['task']?.if ?? '';

type Value = string | number | boolean | null | Record<string, unknown> | unknown[];

/**
 * The subset of GitHub's expression language the condition uses: property paths, string
 * literals, `null`/`true`/`false`, `==`, `!=`, `!`, `&&`, `||`, parentheses, `startsWith` and
 * `contains` (on strings: a case-insensitive substring, null read as '').
 */
function evaluate(expression: string, context: Record<string, unknown>): boolean {
  const tokens = expression.match(/'(?:[^']|'')*'|==|!=|&&|\|\||[()!,]|[A-Za-z_][\w.-]*/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++] ?? '';
  const truthy = (value: Value) => value !== null && value !== false && value !== '' && value !== 0;
  const text = (value: Value) => (value === null ? '' : typeof value === 'string' ? value : String(value));
  const equal = (a: Value, b: Value) =>
    typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;
  const primary = (): Value => {
    const token = next();
    if (token === '(') {
      const value = or();
      next();
      return value;
    }
    if (token === '!') return !truthy(primary());
    if (token.startsWith("'")) return token.slice(1, -1).replaceAll("''", "'");
    if (token === 'null') return null;
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'startsWith' || token === 'contains') {
      next();
      const whole = or();
      next();
      const part = or();
      next();
      const [a, b] = [text(whole).toLowerCase(), text(part).toLowerCase()];
      return token === 'contains' ? a.includes(b) : a.startsWith(b);
    }
    let value: unknown = context;
    for (const part of token.split('.'))
      value =
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    return (value ?? null) as Value;
  };
  const comparison = (): Value => {
    const left = primary();
    if (peek() === '==' || peek() === '!=') {
      const negate = next() === '!=';
      return equal(left, primary()) !== negate;
    }
    return left;
  };
  const and = (): Value => {
    let value = comparison();
    while (peek() === '&&') {
      next();
      const right = comparison();
      value = truthy(value) ? right : value;
    }
    return value;
  };
  const or = (): Value => {
    let value = and();
    while (peek() === '||') {
      next();
      const right = and();
      value = truthy(value) ? value : right;
    }
    return value;
  };
  return truthy(or());
}

const runs = (eventName: string, event: Record<string, unknown>) =>
  evaluate(CONDITION, { github: { event_name: eventName, event } });

/** `issues.edited` as GitHub delivers it: the issue as it is now, `changes.body.from` as it was. */
function issueBodyEdit() {
  const payload = formIssue('opened', 'octo-editor');
  payload.action = 'edited';
  payload.changes = { body: { from: 'the body as the outsider wrote it' } };
  return payload;
}

describe('attacker 9o: which deliveries the example workflow lets reach the Action', () => {
  it('control: the condition was read from the workflow', () => {
    expect(CONDITION).toContain('github.event.changes.base');
  });

  it("FAULT: an issue body's edit (issues.edited) runs the Action, which records its editor", () => {
    expect(runs('issues', issueBodyEdit())).toBe(true);
  });

  it('refused: a pull request retitled (pull_request.edited without changes.base) does not run it', () => {
    const payload = webhookExample('pull_request', 'opened');
    payload.action = 'edited';
    payload.pull_request.head.ref = 'implementation/1-orders-api';
    payload.changes = { title: { from: 'old title' } };
    expect(runs('pull_request', payload)).toBe(false);
  });

  it('control: a pull request whose base changed (pull_request.edited with changes.base) runs it', () => {
    const payload = webhookExample('pull_request', 'opened');
    payload.action = 'edited';
    payload.pull_request.head.ref = 'implementation/1-orders-api';
    payload.changes = { base: { ref: { from: 'develop' }, sha: { from: '0'.repeat(40) } } };
    expect(runs('pull_request', payload)).toBe(true);
  });

  it.each([
    ['an opened request form', 'issues', () => formIssue('opened')],
    ['a labeling', 'issues', () => formIssue('labeled')],
    ['a /implement comment', 'issue_comment', () => issueComment('/implement')],
  ])('control: %s runs it', (_what, name, payload) => {
    expect(runs(name, payload())).toBe(true);
  });

  // DESIGN §8: a command is the first non-empty line; parseCommand reads it after blank lines and up
  // to three spaces (four make code). The condition's `startsWith(github.event.comment.body, '/')`
  // drops those comments before the Action reads them, though the app runs them.
  it.each([
    ['a blank line first', '\r\n/status'],
    ['two spaces first', '  /status'],
  ])('FAULT: a command after %s (a command for parseCommand) runs the Action', (_what, body) => {
    expect(parseCommand({ body, environments: ['staging'] }).kind).toBe('command');
    expect(runs('issue_comment', issueComment(body))).toBe(true);
  });

  it('control: an ordinary comment does not run it', () => {
    expect(runs('issue_comment', issueComment('Thanks, looks good'))).toBe(false);
  });
});

describe('fix 14e: the condition scopes its clauses to the events they are for', () => {
  it.each([
    ['an invisible character first', '\u200B/status'],
    ['a space-only line then a space first', ' \r\n /status'],
  ])('a command after %s (a command for parseCommand) runs the Action', (_what, body) => {
    expect(parseCommand({ body, environments: ['staging'] }).kind).toBe('command');
    expect(runs('issue_comment', issueComment(body))).toBe(true);
  });

  it("an issue's retitle (issues.edited with changes.title) runs it too: the agent decides what an edit means", () => {
    const payload = issueBodyEdit();
    payload.changes = { title: { from: 'old title' } };
    expect(runs('issues', payload)).toBe(true);
  });

  it('every workflow under .github/workflows with a comment filter reads it with contains, not startsWith', () => {
    const dir = new URL('../../.github/workflows/', import.meta.url);
    for (const name of readdirSync(dir)) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      expect(text).not.toMatch(/startsWith\(\s*github\.event\.comment\.body/);
    }
  });
});
