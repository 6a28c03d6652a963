import { DescribeChangeSetCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  STACK_NAME,
  changeSetAnswer,
  describeStacksAnswer,
  resourceChange,
} from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';
import { renderGithubMarkdown } from '../../core/markdown/render-github-markdown.js';
import {
  cfnMock,
  fakeGitHub,
  resetDeployMocks,
  run,
  scriptSuccessfulUpdate,
} from './helpers/deploy-run-harness.js';

beforeEach(resetDeployMocks);

describe('runDeployment: what it writes to GitHub', () => {
  it('posts our advice as a real code span, never as escaped backticks', async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .resolves(
        describeStacksAnswer('ROLLBACK_COMPLETE', { StackStatusReason: 'Resource [X] <failed> *twice*' }),
      );
    const github = fakeGitHub();

    await run(github, { environment: 'production' });

    const report = github.comments.at(-1) ?? '';
    expect(report).not.toContain('&#96;');
    const html = renderGithubMarkdown(report);
    expect(html).toContain(`<code>aws cloudformation delete-stack --stack-name ${STACK_NAME}</code>`);
    // AWS's reason is shown as written, with no markup of its own.
    expect(html).toContain('(Resource [X] &lt;failed&gt; *twice*)');
    expect(html).not.toMatch(/<em>|<strong>twice|<failed>/);
    // GitHub shows a status description unrendered: plain text, no backticks, within 140 characters.
    const description = github.statuses.at(-1)?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(140);
    expect(description).not.toContain('`');
    expect(description).not.toContain('\\');
    expect(
      description.startsWith(`Stack ${STACK_NAME} is ROLLBACK_COMPLETE (Resource [X] <failed> *twice*)`),
    ).toBe(true);
  });

  it("keeps the comment for a 3,000-row change set within GitHub's limit, saying how many more", async () => {
    scriptSuccessfulUpdate();
    const changes = Array.from({ length: 3_000 }, (_, index) =>
      resourceChange('Modify', `Queue${index}${'x'.repeat(200)}`, 'AWS::SQS::Queue', 'False'),
    );
    cfnMock.on(DescribeChangeSetCommand).resolves(changeSetAnswer('CREATE_COMPLETE', { Changes: changes }));
    const github = fakeGitHub();

    await run(github);

    const changeSet = github.comments[0] ?? '';
    expect(changeSet).toContain('#### Change set for');
    expect(changeSet.length).toBeLessThanOrEqual(65_536);
    expect(changeSet).toMatch(/… and 2,?9\d\d more/);
    expect(github.comments.every((comment) => comment.length <= 65_536)).toBe(true);
  });

  it("cuts a 200-character status description to GitHub's 140", async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .resolves(describeStacksAnswer('ROLLBACK_COMPLETE', { StackStatusReason: 'r'.repeat(200) }));
    const github = fakeGitHub();

    await run(github, { environment: 'production' });

    const description = github.statuses.at(-1)?.description ?? '';
    expect(description).toHaveLength(140);
    expect(description.endsWith('…')).toBe(true);
  });
});
