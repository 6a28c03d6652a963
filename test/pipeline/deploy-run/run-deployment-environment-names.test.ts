import { CreateChangeSetCommand } from '@aws-sdk/client-cloudformation';
import {
  cfnMock,
  fakeGitHub,
  resetDeployMocks,
  run,
  scriptSuccessfulUpdate,
} from './helpers/deploy-run-harness.js';

beforeEach(resetDeployMocks);

const template = 'Resources:\n  OrdersFunction: { Type: AWS::Lambda::Function }\n';

describe('runDeployment: the deployment’s environment name', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'deploys to `%s`, configured nowhere, with no environment settings instead of inherited members',
    async (environment) => {
      scriptSuccessfulUpdate();
      const outcome = await run(fakeGitHub({ template }), { environment });
      expect(outcome.status).toBe('deployed');
      const created = cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input;
      expect(created?.RollbackConfiguration).toBeUndefined();
    },
  );

  it('finds `Staging` as the configured `staging`, as GitHub ignores case', async () => {
    scriptSuccessfulUpdate();
    const outcome = await run(fakeGitHub({ template }), { environment: 'Staging' });
    expect(outcome.status).toBe('deployed');
    const created = cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input;
    expect(created?.RollbackConfiguration?.MonitoringTimeInMinutes).toBe(15);
  });
});
