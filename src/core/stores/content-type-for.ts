/** Media types by extension (IANA names: `application/json`, RFC 9512 `application/yaml`, RFC 7763 `text/markdown`). */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.zip': 'application/zip',
};

/** The content type an artifact is stored with, from its path; unknown kinds are bytes. */
export function contentTypeFor(path: string): string {
  const dot = path.lastIndexOf('.');
  const extension = dot > path.lastIndexOf('/') ? path.slice(dot).toLowerCase() : '';
  return Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension]! : 'application/octet-stream';
}

/** A CloudFormation template is JSON when it starts with `{`, else YAML (CloudFormation reads both). */
export function templateContentType(template: string): string {
  return template.trimStart().startsWith('{') ? 'application/json' : 'application/yaml';
}
