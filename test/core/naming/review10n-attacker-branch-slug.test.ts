/**
 * Attacker pass (review #10n) on a secret in the task's name reaching the branch name
 * (src/core/naming/change-names.ts `changeNamesFor`, branch-name.ts). The commit message and title
 * are redacted at their sinks (fix10e: `commitToBranch`, `commitToLocalBranch`), but the branch is
 * a slug of the name as written: lowercased, `_` made `-`. A GitHub token lowercased is still the
 * token to anyone holding it: 26 letters' case is 2^26 guesses, and the token's own CRC32 checksum
 * (its last 6 characters) picks the right one offline. The branch is pushed to the repository
 * (`implementation/7-ghp-…`), named in the status comment, the marker, the task record and, for
 * the CLI, the task id and every artifact key. Secret scanners miss it (wrong case, `-`). A fault
 * is `it.failing` asserting the right answer; an attack refused is an ordinary test.
 */
import { readFileSync } from 'node:fs';
import { changeNamesFor } from '../../../src/core/naming/change-names.js';
import type { RequestPayload } from '../../../src/core/request/execution-request.js';

const TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const example = JSON.parse(
  readFileSync(new URL('../../../examples/orders-api.request.json', import.meta.url), 'utf8'),
) as RequestPayload;

const named = (taskName: string): RequestPayload => ({
  ...example,
  execution_request: { ...example.execution_request, task_name: taskName },
});

/** The token's characters as a slug keeps them: lowercased, separators dropped. */
const folded = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

describe('review10n attacker: a token in the task name, slugged into the branch', () => {
  it('fixed FAULT: the GitHub branch name does not carry the token lowercased', async () => {
    const { branch } = await changeNamesFor({ request: named(TOKEN), issueNumber: 7 });
    expect(folded(branch)).not.toContain(folded(TOKEN.slice(4)));
  });

  it('fixed FAULT: the CLI’s local branch name does not carry the token lowercased', async () => {
    const { branch } = await changeNamesFor({ request: named(TOKEN) });
    expect(folded(branch)).not.toContain(folded(TOKEN.slice(4)));
  });
});

describe('review10n attacker: names redacted (refused)', () => {
  it('a token after a longer name is cut by the 40-character slug, leaving a part (noted, not asserted whole)', async () => {
    const { branch } = await changeNamesFor({ request: named(`Orders API ${TOKEN}`), issueNumber: 7 });
    expect(folded(branch)).not.toContain(folded(TOKEN.slice(4)));
  });

  it('the commit message and title name the task as written (their sinks redact them; fix10e)', async () => {
    const names = await changeNamesFor({ request: named(`Orders API ${TOKEN}`), issueNumber: 7 });
    expect(names.commitMessage).toContain('Orders API');
    expect(names.title).toContain('Orders API');
  });
});

describe('fix13i: the name’s secrets redacted before it is slugged', () => {
  it('a token becomes its redaction marker’s slug, the same on GitHub and off it', async () => {
    expect((await changeNamesFor({ request: named(TOKEN), issueNumber: 7 })).branch).toBe(
      'implementation/7-redacted-github-token',
    );
    expect((await changeNamesFor({ request: named(`Orders ${TOKEN}`) })).branch).toBe(
      'implementation/local-orders-redacted-github-token',
    );
  });

  it('a name with no secret keeps its slug', async () => {
    expect((await changeNamesFor({ request: named('Orders API'), issueNumber: 7 })).branch).toBe(
      'implementation/7-orders-api',
    );
  });
});
