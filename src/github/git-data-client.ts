export type FileMode = '100644' | '100755' | '120000';

/** A tree entry written with its content inline, or pointing at an existing blob (`null` deletes). */
export type TreeEntry =
  | { path: string; mode: FileMode; type: 'blob'; content: string }
  | { path: string; mode: FileMode; type: 'blob'; sha: string | null };

/**
 * The Git Data API calls that write a commit onto a branch in a constant number of requests;
 * shared by publishing a generated bundle and by opening a revert.
 */
export interface GitDataClient {
  git: {
    getRef(p: { owner: string; repo: string; ref: string }): Promise<{ data: { object: { sha: string } } }>;
    getCommit(p: {
      owner: string;
      repo: string;
      commit_sha: string;
    }): Promise<{ data: { tree: { sha: string }; message?: string } }>;
    createTree(p: {
      owner: string;
      repo: string;
      base_tree: string;
      tree: TreeEntry[];
    }): Promise<{ data: { sha: string } }>;
    createCommit(p: {
      owner: string;
      repo: string;
      message: string;
      tree: string;
      parents: string[];
    }): Promise<{ data: { sha: string } }>;
    createRef(p: { owner: string; repo: string; ref: string; sha: string }): Promise<unknown>;
    updateRef(p: { owner: string; repo: string; ref: string; sha: string; force: boolean }): Promise<unknown>;
  };
  pulls: {
    create(p: {
      owner: string;
      repo: string;
      head: string;
      base: string;
      title: string;
      body: string;
    }): Promise<{ data: { number: number; html_url: string; node_id?: string } }>;
  };
}
