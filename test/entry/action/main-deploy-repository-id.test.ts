import { mainDeploy } from '../../../src/entry/action/main-deploy.js';
import type { TaskClient } from '../../../src/github/task-client.js';
import type { DeployInputs } from '../../../src/entry/action/action-io.js';

/** A deploy run is told its repository's id by the runner (`GITHUB_REPOSITORY_ID`). */
describe('mainDeploy: the deployment event must be of the workflow’s own repository (by id)', () => {
  it('refuses an event naming another repository id and touches nothing', async () => {
    const lines: string[] = [];
    const touched: string[] = [];
    const client = new Proxy({} as TaskClient, {
      get: (_target, name) => {
        touched.push(String(name));
        return undefined;
      },
    });
    const outcome = await mainDeploy({
      inputs: {} as DeployInputs,
      client,
      event: {
        name: 'deployment',
        payload: {
          deployment: { id: 9, sha: 'a'.repeat(40), environment: 'staging', payload: {} },
          repository: { id: 1111, name: 'shop', owner: { login: 'acme' }, default_branch: 'main' },
        },
      },
      log: (line) => lines.push(line),
      repositoryId: 4242,
    });
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(lines).toEqual([
      'The deployment event names repository 1111, not this workflow’s (4242): nothing is deployed.'.replace(
        '’',
        "'",
      ),
    ]);
    expect(touched).toEqual([]);
  });
});
