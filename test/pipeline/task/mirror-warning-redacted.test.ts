import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { filesystemStores } from '../../../src/filesystem/filesystem-stores.js';
import { postComment } from '../../../src/github/post-comment.js';
import { publishCheckRun } from '../../../src/github/publish-check-run.js';
import { setDeploymentStatus } from '../../../src/github/set-deployment-status.js';
import type { StatusCommentClient } from '../../../src/github/status-comment.js';
import { createStatusBoard } from '../../../src/pipeline/task/status-board.js';
import {
  FAKE_AWS_SECRET_ACCESS_KEY,
  FAKE_GITHUB_CLASSIC_TOKEN,
} from '../../fixtures/adversarial/secrets/fake-secrets.js';

/**
 * A mirror that cannot be written puts a warning on the status comment, and the warning quotes the
 * SDK's error message, which can echo the request (an item's attribute, a header, a URL). The
 * warning was rendered into the comment as given. Every body now goes through the one redactor
 * where it leaves the process (`writeStatusComment`, `postComment`).
 */
const ECHO = `ValidationException: One or more parameter values were invalid: aws_secret_access_key = "${FAKE_AWS_SECRET_ACCESS_KEY}" at https://x-access-token:${FAKE_GITHUB_CLASSIC_TOKEN}@github.com/acme/shop`;

function fakeIssue() {
  const bodies: string[] = [];
  const client: StatusCommentClient = {
    issues: {
      listComments: async () => {
        throw new Error('the board must not list comments');
      },
      createComment: async (params) => {
        bodies.push(params.body);
        return { data: { id: 900 } };
      },
      updateComment: async (params) => {
        bodies.push(params.body);
        return {};
      },
    },
  };
  return { client, bodies };
}

describe('texts that reach a comment go through the one redactor at the sink', () => {
  it('FAULT: a mirror warning quoting an SDK error that echoes a secret is redacted on the status comment', async () => {
    const mirror = filesystemStores(await mkdtemp(path.join(tmpdir(), 'board-warning-')));
    const down = {
      tasks: { ...mirror.tasks, get: async () => Promise.reject(new Error(ECHO)) },
      events: mirror.events,
    };
    const issue = fakeIssue();
    const publisher = { publish: async () => Promise.reject(new Error(ECHO)) };
    const board = createStatusBoard({
      client: issue.client,
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      taskId: 'acme/shop#7',
      existing: undefined,
      signingKey: undefined,
      mirrors: { ...down, publisher },
    });
    await board.move('generating', { patch: { attempt: 1 } });
    const written = issue.bodies.join('\n');
    expect(written).toContain('task mirror could not be written');
    expect(written).not.toContain(FAKE_AWS_SECRET_ACCESS_KEY);
    expect(written).not.toContain(FAKE_GITHUB_CLASSIC_TOKEN);
    expect(written).toContain('[REDACTED:');
  });

  it('FAULT: a comment quoting an error message is posted redacted', async () => {
    const posted: string[] = [];
    await postComment({
      client: {
        issues: {
          createComment: async (params) => {
            posted.push(params.body);
            return { data: { id: 1 } };
          },
        },
      },
      owner: 'acme',
      repo: 'shop',
      issueNumber: 7,
      body: `The deploy could not start: ${ECHO}`,
    });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('The deploy could not start: ValidationException');
    expect(posted[0]).not.toContain(FAKE_AWS_SECRET_ACCESS_KEY);
    expect(posted[0]).not.toContain(FAKE_GITHUB_CLASSIC_TOKEN);
  });

  it('FAULT: a deployment status quoting a crash message is redacted before it is cut to 140 characters', async () => {
    const descriptions: string[] = [];
    await setDeploymentStatus({
      client: {
        repos: {
          createDeploymentStatus: async (params) => {
            descriptions.push(params.description);
            return {};
          },
        },
      },
      owner: 'acme',
      repo: 'shop',
      deploymentId: 42,
      state: 'error',
      description: `Stopped: token ${FAKE_GITHUB_CLASSIC_TOKEN} was refused`,
    });
    expect(descriptions).toEqual(['Stopped: token [REDACTED:github-token] was refused']);
  });

  it("FAULT: a check run's summary quoting a crashed gate's error is redacted", async () => {
    const summaries: string[] = [];
    await publishCheckRun({
      client: {
        checks: {
          create: async (params) => {
            summaries.push(params.output.summary);
            return { data: { id: 1 } };
          },
        },
      },
      owner: 'acme',
      repo: 'shop',
      headSha: 'abc123',
      report: {
        passed: false,
        results: [{ gate: 'template', passed: false, findings: [], skipped: `the gate crashed: ${ECHO}` }],
      },
    });
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).not.toContain(FAKE_GITHUB_CLASSIC_TOKEN);
    expect(summaries[0]).not.toContain(FAKE_AWS_SECRET_ACCESS_KEY);
  });
});
