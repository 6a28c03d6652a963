import { artifactKey, artifactPrefix } from '../../../src/core/stores/store-keys.js';
import { canonicalRepository } from '../../../src/core/task/canonical-repository.js';
import { canonicalGitHubTaskId } from '../../../src/core/task/canonical-github-task-id.js';
import { canonicalTaskId } from '../../../src/core/task/canonical-task-id.js';
import { localTaskId } from '../../../src/core/task/local-task-id.js';

/** Where attempt 1's `template.yaml` of a CLI task goes in the artifacts bucket. */
function keyOf(params: { repoName: string; branch: string }): string {
  const { repo, taskId } = localTaskId(params);
  return artifactKey({ repo, taskId, attempt: 1, path: 'template.yaml' });
}

describe("a CLI task's store keys keep its case-sensitive id apart (review10e)", () => {
  it("a name whose Unicode lower case is longer (a CLI folder 'İnventory') keeps its branches apart: the task's key segment is cut after the '#' (ASCII-only case folding)", () => {
    // 'İ'.toLowerCase() is two UTF-16 units: taskKeySegment slices the original id by the lowered prefix's length.
    const main = localTaskId({ repoName: 'İnventory', branch: 'main' });
    const bain = localTaskId({ repoName: 'İnventory', branch: 'bain' });
    expect(main.taskId).not.toBe(bain.taskId);
    expect(artifactPrefix(main)).not.toBe(artifactPrefix(bain));
    expect(keyOf({ repoName: 'İnventory', branch: 'main' })).toMatch(/\/main\/1\/template\.yaml$/);
  });

  it('lowers only ASCII letters, as GitHub names have, so a spelling keeps its length', () => {
    expect(canonicalRepository('Acme/Shop')).toBe('acme/shop');
    expect(canonicalRepository('İnventory/Ärger')).toBe('İnventory/Ärger');
    expect(
      artifactKey({ repo: 'Acme/İnventory', taskId: 'Acme/İnventory#7', attempt: 2, path: 'a.txt' }),
    ).toBe('acme/%C4%B0nventory/7/2/a.txt');
  });

  it("two CLI tasks whose folders differ only in case ('Shop' and 'shop', distinct on a case-sensitive file system, distinct task ids) keep apart artifact keys", () => {
    const upper = localTaskId({ repoName: 'Shop', branch: 'orders-api' });
    const lower = localTaskId({ repoName: 'shop', branch: 'orders-api' });
    // canonicalTaskId keeps a CLI task's id as it is: these are two tasks…
    expect(canonicalTaskId(upper.taskId)).not.toBe(canonicalTaskId(lower.taskId));
    // …so their artifacts must not land under one key.
    expect(keyOf({ repoName: 'Shop', branch: 'orders-api' })).not.toBe(
      keyOf({ repoName: 'shop', branch: 'orders-api' }),
    );
    expect(keyOf({ repoName: 'Shop', branch: 'orders-api' })).toBe('local/Shop/orders-api/1/template.yaml');
    // A GitHub repository's keys still take its one spelling.
    expect(artifactPrefix({ repo: 'Acme/Shop', taskId: 'Acme/Shop#7' })).toBe('acme/shop/7/');
  });

  it("a CLI task on a branch whose last segment is a number ('local/Shop#12') keeps its id as it is in canonicalTaskId, while a GitHub id is lowered", () => {
    const { taskId } = localTaskId({ repoName: 'Shop', branch: 'release/12' });
    expect(taskId).toBe('local/Shop#12');
    expect(canonicalTaskId(taskId)).toBe('local/Shop#12');
    expect(canonicalTaskId('Acme/Shop#12')).toBe('acme/shop#12');
    expect(canonicalGitHubTaskId('local/Shop#12')).toBe('local/shop#12');
  });
});
