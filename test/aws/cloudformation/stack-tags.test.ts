import { stackTags } from '../../../src/aws/cloudformation/stack-tags.js';

describe('stackTags', () => {
  it('tags the stack with task, repository, sha and environment', () => {
    expect(
      stackTags({ taskId: 'T-42', repository: 'acme/orders', sha: '3f9c2d1e', environment: 'staging' }),
    ).toEqual({
      'implementation-agent:task': 'T-42',
      'implementation-agent:repository': 'acme/orders',
      'implementation-agent:sha': '3f9c2d1e',
      'implementation-agent:environment': 'staging',
    });
  });

  it('cuts values to the 256 characters CloudFormation accepts', () => {
    const tags = stackTags({ taskId: 'x'.repeat(300), repository: 'a/b', sha: 's', environment: 'e' });
    expect(tags['implementation-agent:task']).toHaveLength(256);
  });
});
