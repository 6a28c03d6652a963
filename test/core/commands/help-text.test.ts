import { renderHelp } from '../../../src/core/commands/help-text.js';

describe('renderHelp', () => {
  const help = renderHelp(['development', 'staging', 'production']);
  const rows = help.split('\n').filter((line) => line.startsWith('| `/'));
  const rowOf = (command: string) => rows.find((row) => row.startsWith(`| \`${command}`)) ?? '';

  it('has one table row per command that works today, with its syntax', () => {
    expect(rows.map((row) => row.split(' | ')[0])).toEqual([
      '| `/implement`',
      '| `/approve`',
      '| `/retry`',
      '| `/status`',
      '| `/deploy <environment> [--dry-run]`',
      '| `/rollback <environment> [to <sha\\|deployment-id>]`',
      '| `/cancel [<environment>]`',
      '| `/unlock <environment>`',
      '| `/help`',
    ]);
  });

  it('lists /retry and /cancel without an environment now that they work, for write access', () => {
    expect(rowOf('/retry')).toContain('failed deploy is retried with `/deploy <environment>`');
    expect(rowOf('/retry')).toMatch(/\| write, maintain or admin \|$/);
    expect(rowOf('/cancel')).toContain('Alone: cancels the task');
    expect(rowOf('/cancel')).toContain('With an environment: stops the deploy running there');
    expect(rowOf('/cancel')).toMatch(/\| write, maintain or admin \|$/);
  });

  it('promises from /status only what it shows: the task, its pull request and cost, not deployments', () => {
    expect(rowOf('/status')).toContain("Shows the task's state, its pull request and the model cost so far.");
    expect(rowOf('/status')).not.toMatch(/deployment/i);
  });

  it('escapes pipes so every row keeps exactly three cells', () => {
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(5);
  });

  it('says who may run each command', () => {
    expect(rowOf('/deploy')).toMatch(/\| write, maintain or admin \|$/);
    expect(rowOf('/unlock')).toMatch(/\| write, maintain or admin \|$/);
    expect(rowOf('/approve')).toMatch(/\| write, maintain or admin \|$/);
    expect(rowOf('/status')).toMatch(/\| anyone who can comment \|$/);
    expect(rowOf('/implement')).toMatch(
      /without write access the request waits for a maintainer's `\/approve`/,
    );
  });

  it('explains what the commands do', () => {
    expect(rowOf('/deploy')).toContain('`--dry-run` creates and reports the change set without executing it');
    expect(rowOf('/cancel')).toContain('stops the deploy running there');
    // Guided mode: the review approves a pull request; /approve only releases a held request.
    expect(rowOf('/approve')).toContain(
      'A pull request is approved by an approving review, not by this command.',
    );
  });

  it('names the configured environments', () => {
    expect(help).toContain('**Environments:** `development`, `staging`, `production`');
    expect(renderHelp(['QA'])).toContain('**Environments:** `QA`');
  });

  it('says where to configure environments when there are none', () => {
    expect(renderHelp([])).toContain(
      '**Environments:** none configured; add them under `environments:` in `.github/implementation-agent.yml`.',
    );
  });
});
