import { CreateChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DeploymentStore } from '../../../src/core/stores/deployment-store.js';
import { createFilesystemDeploymentStore } from '../../../src/filesystem/filesystem-deployment-store.js';
import { STACK_NAME } from '../../aws/cloudformation/helpers/cloudformation-fixtures.js';

import {
  SHA,
  cfnMock,
  payload,
  fakeGitHub,
  run,
  scriptSuccessfulUpdate,
  resetDeployMocks,
} from './helpers/deploy-run-harness.js';

beforeEach(resetDeployMocks);

describe('runDeployment: the deployment store', () => {
  const newStore = async () => createFilesystemDeploymentStore(await mkdtemp(path.join(tmpdir(), 'store-')));

  it('keeps the exact template, parameters and outputs of a successful deploy', async () => {
    scriptSuccessfulUpdate();
    const store = await newStore();

    await run(fakeGitHub({ template: 'Resources: { A: { Type: AWS::SQS::Queue } }\n' }), {
      deploymentStore: store,
    });

    expect(
      await store.load({ repository: 'acme/shop', environment: 'staging', deploymentId: 7001 }),
    ).toMatchObject({
      sha: SHA,
      template: 'Resources: { A: { Type: AWS::SQS::Queue } }\n',
      parameters: { Stage: 'staging' },
      outputs: { ApiUrl: 'https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/prod' },
    });
  });

  it('rolls back to the stored template and parameters rather than reading git again', async () => {
    scriptSuccessfulUpdate();
    const store = await newStore();
    await store.save({
      repository: 'acme/shop',
      environment: 'staging',
      deploymentId: 6990,
      sha: SHA,
      stackName: STACK_NAME,
      template: 'Resources: { Stored: { Type: AWS::SQS::Queue } }\n',
      parameters: { Stage: 'as-deployed' },
      outputs: {},
    });

    await run(fakeGitHub({ template: 'Resources: { FromGit: { Type: AWS::SQS::Queue } }\n' }), {
      deploymentStore: store,
      payload: { ...payload, rollback_of: 7000, rollback_to: 6990 },
    });

    expect(cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input).toMatchObject({
      TemplateBody: 'Resources: { Stored: { Type: AWS::SQS::Queue } }\n',
      Parameters: [{ ParameterKey: 'Stage', ParameterValue: 'as-deployed' }],
    });
  });

  it("withholds NoEcho and secret parameters and secret outputs from the store; a rollback deploys them with the stack's previous value", async () => {
    scriptSuccessfulUpdate();
    const store = await newStore();
    const template =
      'Parameters:\n  DbPassword: { Type: String, NoEcho: true }\n  Hook: { Type: String }\n  Stage: { Type: String }\nResources: { Q: { Type: AWS::SQS::Queue } }\n';
    const webhook = 'https://hooks.slack.com/services/T01234567/B01234567/abcdefghijklmnopqrstuvwx';
    await store.save({
      repository: 'acme/shop',
      environment: 'staging',
      deploymentId: 6990,
      sha: SHA,
      stackName: STACK_NAME,
      template,
      parameters: { DbPassword: 'correct-horse-battery', Hook: webhook, Stage: 'as-deployed' },
      outputs: { Notify: webhook },
    });
    const kept = await store.load({ repository: 'acme/shop', environment: 'staging', deploymentId: 6990 });
    expect(JSON.stringify(kept)).not.toContain('correct-horse-battery');
    expect(JSON.stringify(kept)).not.toContain('abcdefghijklmnopqrstuvwx');
    expect(kept?.template).toBe(template);

    await run(fakeGitHub({ template: 'Resources: { FromGit: { Type: AWS::SQS::Queue } }\n' }), {
      deploymentStore: store,
      payload: { ...payload, rollback_of: 7000, rollback_to: 6990 },
    });

    const input = cfnMock.commandCalls(CreateChangeSetCommand)[0]?.args[0].input;
    expect(input?.TemplateBody).toBe(template);
    expect(input?.Parameters).toEqual([
      { ParameterKey: 'DbPassword', UsePreviousValue: true },
      { ParameterKey: 'Hook', UsePreviousValue: true },
      { ParameterKey: 'Stage', ParameterValue: 'as-deployed' },
    ]);
  });

  it('reports a store that cannot be written without failing the deploy', async () => {
    scriptSuccessfulUpdate();
    const broken: DeploymentStore = {
      save: async () => {
        throw new Error('disk full');
      },
      load: async () => undefined,
    };
    const github = fakeGitHub();

    const outcome = await run(github, { deploymentStore: broken });

    expect(outcome.status).toBe('deployed');
    expect(github.comments.at(-1)).toContain('The deployment record was not stored: disk full');
  });
});
