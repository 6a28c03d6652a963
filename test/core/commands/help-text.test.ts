import { renderHelp } from '../../../src/core/commands/help-text.js';

describe('renderHelp', () => {
  const help = renderHelp(['development', 'staging', 'production']);
  const rows = help.split('\n').filter((line) => line.startsWith('| `/'));
  const rowOf = (command: string) => rows.find((row) => row.startsWith(`| \`${command}`)) ?? '';

  it('has one table row per command, with its syntax', () => {
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
    expect(rowOf('/cancel')).toContain('Without one: cancels the task');
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
