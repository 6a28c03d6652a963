import { repositoryPath } from './repository-path.js';

/**
 * Where each nested stack type names its template: `TemplateURL` (AWS CloudFormation Template
 * Reference, "AWS::CloudFormation::Stack") and `Location` (AWS SAM Developer Guide,
 * "AWS::Serverless::Application": a path, a URL, or a Serverless Application Repository
 * application). A path with no scheme is a file of the repository, relative to the template that
 * names it, which `sam package` / `aws cloudformation package` upload (AWS CLI Command Reference,
 * "cloudformation package": "local file paths ... relative to the template").
 */
export const NESTED_TEMPLATE_PROPERTY: ReadonlyMap<string, string> = new Map([
  ['AWS::CloudFormation::Stack', 'TemplateURL'],
  ['AWS::Serverless::Application', 'Location'],
]);

/**
 * Whether a nested stack's template location is a local file path as `aws cloudformation package`
 * takes one: a string with no URL scheme (`https:`, `s3:`). An intrinsic (`!Sub …`, an object) or
 * a SAR application (an object) is not.
 */
export function isLocalTemplateLocation(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(value);
}

/**
 * The repository path a local location (`isLocalTemplateLocation`) names, resolved from the folder
 * of `templatePath` (repository-relative, `/`-separated); undefined when it is absolute or `..`
 * leaves the repository, or when `value` is not a local location.
 */
export function repositoryPathOf(templatePath: string, value: unknown): string | undefined {
  if (!isLocalTemplateLocation(value) || value.startsWith('/')) return undefined;
  const folder = templatePath.split('/').slice(0, -1).join('/');
  return repositoryPath(folder === '' ? value : `${folder}/${value}`);
}
