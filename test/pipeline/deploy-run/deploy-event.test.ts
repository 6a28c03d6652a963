import { readDeployEvent } from '../../../src/pipeline/deploy-run/deploy-event.js';
import { webhookExample } from '../../fixtures/webhook-payloads.js';

describe('readDeployEvent', () => {
  it('reads a real deployment event, with its payload as an object', () => {
    const payload = webhookExample('deployment', 'created');
    payload.deployment.payload = { stack_name: 'orders-api-staging' };

    expect(readDeployEvent({ name: 'deployment', payload })).toEqual({
      repository: {
        owner: payload.repository.owner.login,
        repo: payload.repository.name,
        defaultBranch: payload.repository.default_branch,
      },
      repositoryId: payload.repository.id,
      deploymentId: payload.deployment.id,
      sha: payload.deployment.sha,
      environment: payload.deployment.environment,
      payload: { stack_name: 'orders-api-staging' },
      // GitHub's word for who made it, which the run checks; never a payload field.
      creator: payload.deployment.creator.login,
    });
  });

  it('parses a payload GitHub delivers as a JSON string', () => {
    const payload = webhookExample('deployment', 'created');
    payload.deployment.payload = '{"stack_name":"orders-api-staging"}';

    expect(readDeployEvent({ name: 'deployment', payload })).toMatchObject({
      payload: { stack_name: 'orders-api-staging' },
    });
  });

  it('says which event mode deploy needs when run on another', () => {
    expect(readDeployEvent({ name: 'push', payload: {} })).toEqual({
      problem: expect.stringContaining('mode: deploy runs on the deployment event, not push'),
    });
  });

  it('reports a payload that is not a deployment event', () => {
    expect(readDeployEvent({ name: 'deployment', payload: { deployment: {} } })).toEqual({
      problem: expect.stringContaining('not one GitHub sends'),
    });
  });
});
