/**
 * Attacker pass (review #10l) on what the deployment store and the Action's `result` keep of a
 * NoEcho parameter (src/core/stores/redact-deployment.ts, core/outcome/redacted-outcome-result.ts,
 * filesystem/filesystem-deployment-store.ts): CloudFormation masks a NoEcho parameter's value
 * but not an output that echoes it ("NoEcho doesn't mask any information stored in … the Outputs
 * section", AWS CloudFormation User Guide, *Parameters*). A password is no token form a scanner
 * knows, so only NoEcho says it is secret. The three faults found are fixed
 * (`maskNoEchoOutputs`, and the `result` leaves stack outputs out); each is now an ordinary test.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { redactDeployment, NO_ECHO_MARKER } from '../../../src/core/stores/redact-deployment.js';
import { redactedOutcomeResult } from '../../../src/core/outcome/redacted-outcome-result.js';
import type { TaskOutcome } from '../../../src/core/outcome/task-outcome.js';
import type { DeployResult } from '../../../src/aws/cloudformation/deploy-result.js';
import { createFilesystemDeploymentStore } from '../../../src/filesystem/filesystem-deployment-store.js';

const PASSWORD = 'Zq8-vR2mL0pWx7Nt';
const TEMPLATE = [
  'Parameters:',
  '  DbPassword:',
  '    Type: String',
  '    NoEcho: true',
  'Resources:',
  '  Topic:',
  '    Type: AWS::SNS::Topic',
  'Outputs:',
  '  Echo:',
  '    Value: !Ref DbPassword',
  '  Connection:',
  "    Value: !Sub 'host=db;password=${DbPassword}'",
  '',
].join('\n');
const DEPLOYMENT = {
  repository: 'acme/shop',
  environment: 'staging',
  deploymentId: 501,
  sha: 'a'.repeat(40),
  stackName: 'shop-staging',
  template: TEMPLATE,
  parameters: { DbPassword: PASSWORD },
  outputs: { Echo: PASSWORD, Connection: `host=db;password=${PASSWORD}` },
};

describe('review10l attacker: a NoEcho value echoed by a stack output', () => {
  it('the parameter itself is withheld (held)', async () => {
    expect((await redactDeployment(DEPLOYMENT)).parameters).toEqual({ DbPassword: NO_ECHO_MARKER });
  });

  it('the outputs echoing it are withheld in the stored record', async () => {
    const stored = await redactDeployment(DEPLOYMENT);
    expect(JSON.stringify(stored.outputs)).not.toContain(PASSWORD);
  });

  it('the filesystem deployment store writes neither outputs.json nor record.json with it', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'review10l-noecho-'));
    await createFilesystemDeploymentStore(root).save(DEPLOYMENT);
    const folder = path.join(root, 'acme', 'shop', 'staging', '501');
    expect(await readFile(path.join(folder, 'outputs.json'), 'utf8')).not.toContain(PASSWORD);
    expect(await readFile(path.join(folder, 'record.json'), 'utf8')).not.toContain(PASSWORD);
  });

  it("the Action's `result` output of the deploy leaves the stack outputs out", async () => {
    const result: DeployResult = {
      reason: 'deployed',
      finalStatus: 'success',
      message: 'Deployed `shop-staging`.',
      stackName: 'shop-staging',
      outputs: DEPLOYMENT.outputs,
      warnings: [],
    };
    const outcome: TaskOutcome = { status: 'deployed', deploymentId: 501, result };
    expect(JSON.stringify(await redactedOutcomeResult(outcome))).not.toContain(PASSWORD);
  });
});
