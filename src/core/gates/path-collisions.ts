/** One name in the bundle's directory tree, keyed by its NFC, lower-case form. */
interface TreeNode {
  readonly children: Map<string, TreeNode>;
  /** The name as first written here (`Src`), and the path that wrote it. */
  readonly name: string;
  readonly firstPath: string;
  /** The path of the file ending at this name, if one does. */
  file?: string;
  /** The first path that goes through this name as a directory. */
  directoryUser?: string;
  fileAndDirectoryReported?: boolean;
}

export interface PathCollision {
  readonly path: string;
  readonly message: string;
}

const FOLDING_SYSTEMS = 'on case-insensitive file systems (Windows, macOS)';

/**
 * Paths that cannot live side by side in one checkout: the same path twice; two paths that differ only
 * by case or Unicode normalisation (one file on Windows and macOS); two spellings of one directory
 * (`Src/` and `src/`); and a path that is both a file and a directory (git cannot hold both). Names are
 * keyed by their NFC, lower-case form in a tree walked once per path, so the cost is linear in the total
 * length of the paths, whatever their order.
 */
export function pathCollisions(paths: readonly string[]): PathCollision[] {
  const root = newNode('', '');
  const found: PathCollision[] = [];
  for (const path of paths) {
    let node = root;
    let directoryClash: DirectoryClash | undefined;
    const names = path.split('/');
    for (const [depth, name] of names.entries()) {
      node = childFor(node, name, path);
      if (depth === names.length - 1) break;
      if (node.name !== name) directoryClash ??= { depth, earlier: node.firstPath };
      node.directoryUser ??= path;
      if (node.file !== undefined) reportFileAndDirectory(node, found);
    }
    const clash = fileClash(node, path) ?? directoryClashMessage(directoryClash, names);
    if (clash !== undefined) found.push({ path, message: clash });
    node.file ??= path;
    if (node.directoryUser !== undefined) reportFileAndDirectory(node, found);
  }
  return found;
}

function newNode(name: string, firstPath: string): TreeNode {
  return { children: new Map(), name, firstPath };
}

function childFor(parent: TreeNode, name: string, path: string): TreeNode {
  const key = name.normalize('NFC').toLowerCase();
  const existing = parent.children.get(key);
  if (existing !== undefined) return existing;
  const created = newNode(name, path);
  parent.children.set(key, created);
  return created;
}

function fileClash(node: TreeNode, path: string): string | undefined {
  const earlier = node.file;
  if (earlier === undefined) return undefined;
  if (earlier === path) return 'appears more than once in the bundle';
  if (earlier.normalize('NFC') === path.normalize('NFC')) {
    return `collides with "${earlier}": the same name once Unicode-normalised, as macOS stores names`;
  }
  return `collides with "${earlier}" ${FOLDING_SYSTEMS}`;
}

/** Where a path first spells a directory differently from an earlier path. */
interface DirectoryClash {
  readonly depth: number;
  readonly earlier: string;
}

function directoryClashMessage(
  clash: DirectoryClash | undefined,
  names: readonly string[],
): string | undefined {
  if (clash === undefined) return undefined;
  const mine = names.slice(0, clash.depth + 1).join('/');
  const theirs = clash.earlier
    .split('/')
    .slice(0, clash.depth + 1)
    .join('/');
  return `is in directory "${mine}/", the same as "${theirs}/" (in "${clash.earlier}") ${FOLDING_SYSTEMS}`;
}

function reportFileAndDirectory(node: TreeNode, found: PathCollision[]): void {
  if (node.fileAndDirectoryReported === true || node.file === undefined || node.directoryUser === undefined)
    return;
  node.fileAndDirectoryReported = true;
  found.push({
    path: node.file,
    message: `is a file but also used as a directory by "${node.directoryUser}"`,
  });
}
