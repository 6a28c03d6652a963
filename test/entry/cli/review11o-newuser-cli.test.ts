import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jest } from '@jest/globals';
import { git, runCli, workspaceWithRepository } from './run-cli.js';

/**
 * Review 11o, a new-user pass over issue #11 items 6–8 (the CLI as a platform engineer uses it on a
 * team's own request): an animal-shelter request pasted from the issue form's markdown rendering
 * (blue-green), the same run pointed at a sub-folder of the repository, the task's branch checked
 * out in a linked work tree (`git worktree add`) while a re-run starts, and a re-run after the team
 * edited one generated file on the branch and then dropped the sentence that made it ("Publish an
 * event when an animal is adopted."). The README promises exit 2 for a `--repo` that cannot be
 * used, detected before generating and writing nothing; a checked-out branch never moved; and that
 * a re-run removes the files it no longer generates except a listed file changed since, which is
 * kept and named in the run's output. Everything here behaved as promised: no FAULT test.
 */
jest.setTimeout(240_000);

const shelterIssue = `### Task type

application

### Task name

Shelter adoptions

### Execution mode

guided

### Target environment

staging

### Description

An API for our animal shelter. Each animal has a name, an age in months and whether it is vaccinated. Animals are available, reserved or adopted. An adopted animal cannot be deleted. Publish an event when an animal is adopted.

### Deployment strategy

blue-green

### User stories

- As a volunteer I can add an animal
- As a visitor I can reserve an animal
- As a volunteer I can mark an animal as adopted
- As an admin I can delete an animal

### Assessment overall score

_No response_

### Planning timeline

_No response_

### Additional context

_No response_
`;
const BRANCH = 'implementation/local-shelter-adoptions';
const EDITED = 'services/shelter-adoptions/test/eventbridge-status-events.test.ts';
const UNEDITED = 'services/shelter-adoptions/src/eventbridge-status-events.ts';
const filesOn = async (repo: string) => (await git(repo, 'ls-tree', '-r', '--name-only', BRANCH)).split('\n');

describe('review 11o: the CLI on an issue-form request from the shelter team', () => {
  it('refuses a sub-folder of the repository with exit 2 naming the top level, before generating and with no out folder', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const request = path.join(work, 'shelter.issue.md');
    await writeFile(request, shelterIssue);
    const sub = path.join(repo, 'services');
    await mkdir(sub);
    const result = await runCli(['run', request, '--repo', sub, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Pass --repo ${repo}`);
    expect(result.stdout).not.toMatch(/Generating/);
    expect(existsSync(out)).toBe(false);
    expect(await git(repo, 'branch', '--list', 'implementation/*')).toBe('');
  });

  it('commits the issue-form request (progress per step, Strategy blue-green shown since the API is released through CodeDeploy); refuses a re-run while the branch is checked out in a linked work tree (exit 2, status refused, branch not moved); after the team edits one generated file and drops the event sentence, removes the unedited event file and keeps and names the edited one', async () => {
    const { work, repo, out } = await workspaceWithRepository();
    const request = path.join(work, 'shelter.issue.md');
    await writeFile(request, shelterIssue);

    const first = await runCli(['run', request, '--repo', repo, '--out', out]);
    expect(first.code).toBe(0);
    for (const step of ['[1/5]', '[2/5]', '[3/5]', '[4/5]', '[5/5]']) expect(first.stdout).toContain(step);
    const status = JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(status).toMatchObject({ status: 'committed', branch: BRANCH });
    expect(await git(repo, 'rev-parse', BRANCH)).toBe(status['commit']);
    const body = await readFile(path.join(out, 'pr-body.md'), 'utf8');
    expect(body).toContain('**Strategy** blue-green');
    expect(await filesOn(repo)).toEqual(expect.arrayContaining([EDITED, UNEDITED]));

    const linked = path.join(work, 'linked');
    await git(repo, 'worktree', 'add', '-q', linked, BRANCH);
    const tip = await git(repo, 'rev-parse', BRANCH);
    const refused = await runCli(['run', request, '--repo', repo, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('checked out in');
    expect(JSON.parse(await readFile(path.join(out, 'status.json'), 'utf8'))).toMatchObject({
      status: 'refused',
    });
    expect(existsSync(path.join(out, 'pr-body.md'))).toBe(false);
    expect(await git(repo, 'rev-parse', BRANCH)).toBe(tip);

    const edited = path.join(linked, EDITED);
    await writeFile(edited, `${await readFile(edited, 'utf8')}// our own extra case goes here\n`);
    await git(linked, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qam', 'tweak');
    await git(repo, 'worktree', 'remove', linked);

    await writeFile(request, shelterIssue.replace(' Publish an event when an animal is adopted.', ''));
    const rerun = await runCli(['run', request, '--repo', repo, '--out', out]);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(EDITED);
    const files = await filesOn(repo);
    expect(files).toContain(EDITED);
    expect(files).not.toContain(UNEDITED);
    expect(await git(repo, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(await git(repo, 'status', '--porcelain')).toBe('');
  });
});
