import { deployedTaskId } from '../../../src/core/task/deployed-task-id.js';

/** acme/store (GitHub id 4242), formerly acme/shop. */
const here = { owner: 'acme', repo: 'store', repositoryId: 4242 };

describe('deployedTaskId: the task a deployment payload names, as this repository names it now', () => {
  it('takes a task of this repository by name, in any case', () => {
    expect(deployedTaskId({ ...here, taskId: 'Acme/Store#7', payloadRepositoryId: undefined })).toEqual({
      taskId: 'acme/store#7',
      renamed: false,
    });
  });

  it("takes a task under a former name as the same issue's when the payload's id is this repository's", () => {
    expect(deployedTaskId({ ...here, taskId: 'acme/shop#7', payloadRepositoryId: 4242 })).toEqual({
      taskId: 'acme/store#7',
      renamed: true,
    });
    // Transferred to another owner: the same.
    expect(deployedTaskId({ ...here, taskId: 'old-org/shop#7', payloadRepositoryId: 4242 })?.taskId).toBe(
      'acme/store#7',
    );
  });

  it('refuses a task of another name with another id, with no id, or that is no GitHub task', () => {
    expect(deployedTaskId({ ...here, taskId: 'acme/shop#7', payloadRepositoryId: 9999 })).toBeUndefined();
    expect(
      deployedTaskId({ ...here, taskId: 'acme/shop#7', payloadRepositoryId: undefined }),
    ).toBeUndefined();
    expect(deployedTaskId({ ...here, taskId: 'local/shop#7', payloadRepositoryId: 4242 })).toBeUndefined();
    expect(deployedTaskId({ ...here, taskId: 'not a task', payloadRepositoryId: 4242 })).toBeUndefined();
  });
});
