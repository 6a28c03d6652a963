import type { ChatCommand, CommandParseResult } from '../../../src/core/commands/chat-command.js';
import { renderHelp } from '../../../src/core/commands/help-text.js';
import { parseCommand } from '../../../src/core/commands/parse-command.js';

// `QA` is configured in capitals to show commands return the configured spelling, not the typed one.
const environments = ['development', 'staging', 'production', 'QA'];

interface Case {
  readonly name: string;
  readonly body: string;
  /** A command, `ignored` for not-a-command, or what the problem must say for invalid input. */
  readonly expected: ChatCommand | 'ignored' | RegExp;
}

const cases: Case[] = [
  // the commands themselves
  {
    name: 'deploy',
    body: '/deploy staging',
    expected: { kind: 'deploy', environment: 'staging', dryRun: false },
  },
  {
    name: 'deploy dry run',
    body: '/deploy staging --dry-run',
    expected: { kind: 'deploy', environment: 'staging', dryRun: true },
  },
  {
    name: 'dry run before the environment',
    body: '/deploy --dry-run production',
    expected: { kind: 'deploy', environment: 'production', dryRun: true },
  },
  {
    name: 'dry run in capitals',
    body: '/deploy staging --DRY-RUN',
    expected: { kind: 'deploy', environment: 'staging', dryRun: true },
  },
  {
    name: 'dry run typed with an em dash',
    body: '/deploy staging \u2014dry-run',
    expected: { kind: 'deploy', environment: 'staging', dryRun: true },
  },
  {
    name: 'rollback to the previous deployment',
    body: '/rollback production',
    expected: { kind: 'rollback', environment: 'production' },
  },
  {
    name: 'rollback to a short sha',
    body: '/rollback production to 1A2b3c4',
    expected: { kind: 'rollback', environment: 'production', target: { kind: 'sha', sha: '1a2b3c4' } },
  },
  {
    name: 'rollback to a full sha',
    body: `/rollback staging TO ${'ab'.repeat(20)}`,
    expected: { kind: 'rollback', environment: 'staging', target: { kind: 'sha', sha: 'ab'.repeat(20) } },
  },
  {
    name: 'rollback to a deployment id',
    body: '/rollback staging to 1890234567',
    expected: { kind: 'rollback', environment: 'staging', target: { kind: 'deployment', id: 1890234567 } },
  },
  {
    name: 'digits with a leading zero are a sha',
    body: '/rollback staging to 0123456',
    expected: { kind: 'rollback', environment: 'staging', target: { kind: 'sha', sha: '0123456' } },
  },
  { name: 'cancel a deploy', body: '/cancel staging', expected: { kind: 'cancel', environment: 'staging' } },
  { name: 'cancel the task', body: '/cancel', expected: { kind: 'cancel' } },
  { name: 'unlock', body: '/unlock production', expected: { kind: 'unlock', environment: 'production' } },
  { name: 'status', body: '/status', expected: { kind: 'status' } },
  { name: 'help', body: '/help', expected: { kind: 'help' } },
  { name: 'approve', body: '/approve', expected: { kind: 'approve' } },
  { name: 'retry', body: '/retry', expected: { kind: 'retry' } },
  {
    name: 'implement with a fenced payload',
    body: '/implement\n```json\n{"a":1}\n```\n',
    expected: { kind: 'implement', body: '```json\n{"a":1}\n```' },
  },
  {
    name: 'implement keeps words on its own line',
    body: '/implement the orders API\r\n\r\n```yaml\r\na: 1\r\n```',
    expected: { kind: 'implement', body: 'the orders API\n\n```yaml\na: 1\n```' },
  },
  { name: 'implement alone', body: '/implement', expected: { kind: 'implement', body: '' } },

  // spacing, case, line endings
  {
    name: 'surrounding blank lines and spaces',
    body: '\n\n   /deploy   staging   \n',
    expected: { kind: 'deploy', environment: 'staging', dryRun: false },
  },
  {
    name: 'tabs between words',
    body: '/deploy\tstaging',
    expected: { kind: 'deploy', environment: 'staging', dryRun: false },
  },
  {
    name: 'Windows line endings',
    body: '\r\n/unlock staging\r\nthanks\r\n',
    expected: { kind: 'unlock', environment: 'staging' },
  },
  { name: 'old Mac line endings', body: '\r/status\rmore', expected: { kind: 'status' } },
  {
    name: 'command name in capitals',
    body: '/Deploy staging',
    expected: { kind: 'deploy', environment: 'staging', dryRun: false },
  },
  {
    name: 'environment in another case',
    body: '/deploy PRODUCTION',
    expected: { kind: 'deploy', environment: 'production', dryRun: false },
  },
  {
    name: 'configured spelling is returned',
    body: '/deploy qa',
    expected: { kind: 'deploy', environment: 'QA', dryRun: false },
  },
  { name: 'zero-width space before the slash', body: '\u200B/status', expected: { kind: 'status' } },
  { name: 'later lines are prose', body: '/status\n/deploy production', expected: { kind: 'status' } },

  // never commands
  { name: 'empty comment', body: '', expected: 'ignored' },
  { name: 'whitespace only', body: ' \n\t\r\n ', expected: 'ignored' },
  { name: 'conversation', body: 'Looks good to me', expected: 'ignored' },
  { name: 'command later in the comment', body: 'Thanks!\n/deploy production', expected: 'ignored' },
  { name: 'command in the middle of a line', body: 'please /deploy staging', expected: 'ignored' },
  { name: 'quoted command', body: '> /deploy production', expected: 'ignored' },
  {
    name: 'quote first, command after it',
    body: '> can you deploy?\n\n/deploy production',
    expected: 'ignored',
  },
  { name: 'fenced code block', body: '```\n/deploy production\n```', expected: 'ignored' },
  { name: 'tilde fence', body: '~~~sh\n/rollback production\n~~~', expected: 'ignored' },
  { name: 'indented code block', body: '    /deploy production', expected: 'ignored' },
  { name: 'tab-indented code block', body: '\t/deploy production', expected: 'ignored' },
  { name: 'inline code', body: '`/deploy production` is how you deploy', expected: 'ignored' },
  { name: 'a path', body: '/usr/bin/env node is missing', expected: 'ignored' },
  { name: 'a short path', body: '/tmp/x', expected: 'ignored' },
  { name: 'a root directory', body: '/tmp is full again', expected: 'ignored' },
  { name: 'a protocol-relative URL', body: '//example.com/deploy', expected: 'ignored' },
  { name: 'a lone slash', body: '/ and that is it', expected: 'ignored' },
  { name: 'slash then digits', body: '/2 of the checks failed', expected: 'ignored' },

  // unknown commands and environments
  {
    name: 'misspelt command',
    body: '/deplyo staging',
    expected: /`\/deplyo` is not a command\. Did you mean `\/deploy`\?/,
  },
  { name: 'misspelt status', body: '/stauts', expected: /Did you mean `\/status`\?/ },
  {
    name: 'unknown command',
    body: '/frobnicate',
    expected: /^`\/frobnicate` is not a command; the commands are listed below\.$/,
  },
  {
    name: 'unknown environment',
    body: '/deploy moon',
    expected:
      /^`moon` is not a configured environment\. Configured: `development`, `staging`, `production`, `QA`\./,
  },
  {
    name: 'misspelt environment',
    body: '/deploy stagin',
    expected: /`stagin` is not a configured environment\. Did you mean `staging`\?/,
  },
  {
    name: 'abbreviated environment is suggested, not accepted',
    body: '/deploy prod',
    expected: /`prod` is not a configured environment\. Did you mean `production`\?/,
  },
  {
    name: 'unlock an unknown environment',
    body: '/unlock moon',
    expected: /`moon` is not a configured environment/,
  },
  {
    name: 'cancel an unknown environment',
    body: '/cancel moon',
    expected: /`moon` is not a configured environment.*Usage: `\/cancel \[<environment>\]`\./,
  },

  // missing and extra arguments, flags
  {
    name: 'deploy without an environment',
    body: '/deploy',
    expected:
      /`\/deploy` needs an environment: one of `development`, `staging`, `production`, `QA`\. Usage: `\/deploy <environment> \[--dry-run\]`\./,
  },
  {
    name: 'dry run without an environment',
    body: '/deploy --dry-run',
    expected: /`\/deploy` needs an environment/,
  },
  {
    name: 'rollback without an environment',
    body: '/rollback',
    expected: /`\/rollback` needs an environment/,
  },
  { name: 'unlock without an environment', body: '/unlock', expected: /`\/unlock` needs an environment/ },
  {
    name: 'extra word after deploy',
    body: '/deploy staging now please',
    expected: /`\/deploy` does not take `now please`; remove it\./,
  },
  {
    name: 'second environment',
    body: '/unlock staging production',
    expected: /`\/unlock` does not take `production`/,
  },
  {
    name: 'status with an argument',
    body: '/status staging',
    expected: /`\/status` does not take `staging`/,
  },
  { name: 'help with an argument', body: '/help deploy', expected: /`\/help` does not take `deploy`/ },
  { name: 'approve with an argument', body: '/approve yes', expected: /`\/approve` does not take `yes`/ },
  {
    name: 'unknown deploy option',
    body: '/deploy staging --force',
    expected: /`\/deploy` has no option `--force`\. Its only option is `--dry-run`\./,
  },
  {
    name: 'misspelt dry run',
    body: '/deploy staging --dryrun',
    expected: /`\/deploy` has no option `--dryrun`\. Did you mean `--dry-run`\?/,
  },
  {
    name: 'dry run on rollback',
    body: '/rollback staging --dry-run',
    expected: /`--dry-run` only works with `\/deploy`; remove it\./,
  },
  {
    name: 'option on a command without options',
    body: '/retry -f',
    expected: /`\/retry` takes no options; remove `-f`\./,
  },

  // rollback targets
  {
    name: 'target without "to"',
    body: '/rollback staging 1a2b3c4',
    expected: /Write `to` before the target: `\/rollback staging to 1a2b3c4`\./,
  },
  {
    name: '"to" without a target',
    body: '/rollback staging to',
    expected: /`to` needs a commit sha \(7–40 hex characters\) or a deployment id/,
  },
  {
    name: 'sha too short',
    body: '/rollback staging to abc12',
    expected: /`abc12` is too short for a commit sha; give at least 7 characters\./,
  },
  {
    name: 'sha too long',
    body: `/rollback staging to ${'a'.repeat(41)}`,
    expected: /is too long for a commit sha; a sha has at most 40 characters\./,
  },
  {
    name: 'target that is neither',
    body: '/rollback staging to main',
    expected: /`main` is neither a commit sha \(7–40 hex characters\) nor a deployment id \(a number\)\./,
  },
  {
    name: 'word after the target',
    body: '/rollback staging to 1a2b3c4 now',
    expected: /`\/rollback` does not take `now`/,
  },
  {
    name: 'stray word instead of "to"',
    body: '/rollback staging please',
    expected: /`\/rollback` does not take `please`/,
  },
];

function outcomeOf(result: CommandParseResult): ChatCommand | 'ignored' | string {
  if (result.kind === 'command') return result.command;
  if (result.kind === 'not-a-command') return 'ignored';
  return result.problem;
}

describe('parseCommand', () => {
  test.each(cases)('$name', ({ body, expected }) => {
    const outcome = outcomeOf(parseCommand({ body, environments }));
    if (expected instanceof RegExp) expect(outcome).toMatch(expected);
    else expect(outcome).toEqual(expected);
  });

  it('answers every invalid command with the help text for the configured environments', () => {
    const result = parseCommand({ body: '/deploy moon', environments });
    expect(result).toEqual({ kind: 'invalid', problem: expect.any(String), help: renderHelp(environments) });
  });

  it('lists every problem of one command in a single answer', () => {
    const result = parseCommand({ body: '/deploy moon --force', environments });
    expect(result.kind === 'invalid' && result.problem).toBe(
      '`/deploy` has no option `--force`. Its only option is `--dry-run`. ' +
        '`moon` is not a configured environment. Configured: `development`, `staging`, `production`, `QA`. ' +
        'Usage: `/deploy <environment> [--dry-run]`.',
    );
  });

  it.each([
    [{ type: 'Bot', login: 'renovate' }],
    [{ type: 'User', login: 'implementation-agent[bot]' }],
    [{ login: 'Dependabot[BOT]' }],
  ])('ignores comments by bots (%j)', (author) => {
    expect(parseCommand({ body: '/deploy staging', environments, author })).toEqual({
      kind: 'not-a-command',
    });
  });

  it('reads commands from people', () => {
    const author = { type: 'User', login: 'octocat' };
    expect(parseCommand({ body: '/status', environments, author })).toEqual({
      kind: 'command',
      command: { kind: 'status' },
    });
  });

  it('says how to configure environments when there are none', () => {
    const result = parseCommand({ body: '/deploy staging', environments: [] });
    expect(result.kind === 'invalid' && result.problem).toMatch(
      /none are configured; add them under `environments:` in `\.github\/implementation-agent\.yml`/,
    );
  });

  it('keeps echoed author text inside its code span', () => {
    const result = parseCommand({ body: '/deploy a`@everyone`b', environments });
    expect(result.kind === 'invalid' && result.problem).toMatch(
      /^``a`@everyone`b`` is not a configured environment/,
    );
  });

  it('shortens long echoed author text', () => {
    const result = parseCommand({ body: `/deploy ${'x'.repeat(80)}\`@everyone`, environments });
    const problem = result.kind === 'invalid' ? result.problem : '';
    expect(problem).toMatch(new RegExp(`^\`${'x'.repeat(60)}…\` is not a configured environment`));
    expect(problem).not.toContain('@everyone');
  });

  it('returns the whole request of a very long /implement comment but reads only its first line', () => {
    const payload = `\`\`\`json\n${JSON.stringify({ padding: 'p'.repeat(2_000_000) })}\n\`\`\``;
    const result = parseCommand({ body: `/implement\n${payload}`, environments });
    expect(result).toEqual({ kind: 'command', command: { kind: 'implement', body: payload } });
  });
});
