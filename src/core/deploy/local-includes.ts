import { isPlainObject } from '../cfn/is-plain-object.js';
import { isLocalTemplateLocation, repositoryPathOf } from '../cfn/nested-template-location.js';

/** An `AWS::Include` transform of a template whose `Location` names a local file. */
export interface LocalInclude {
  /** The keys from the template's root to the `Location` value (`…, 'Fn::Transform', 'Parameters', 'Location'`). */
  readonly at: readonly string[];
  /** The location as the template writes it. */
  readonly location: string;
  /** The repository path it names (`repositoryPathOf`); undefined when it leaves the repository. */
  readonly path: string | undefined;
}

/** Deepest mapping nesting looked into; a template is far shallower (CloudFormation's own limits). */
const MAX_DEPTH = 64;

/**
 * Every `Fn::Transform` of `template` (parsed, long form) at `templatePath` named `AWS::Include`
 * whose `Parameters.Location` is a local path written as a string, anywhere in the template, as
 * `aws cloudformation package` finds them (AWS CLI `artifact_exporter`: `export_global_artifacts`,
 * `include_transform_export_handler`, which walks mappings and the mappings in lists): a URL, an S3
 * object or anything not a string is left out. In the template's order. Pure.
 */
export function localIncludes(params: { templatePath: string; template: unknown }): LocalInclude[] {
  const found: LocalInclude[] = [];
  const visit = (value: unknown, at: readonly string[]): void => {
    if (at.length > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...at, String(index)]));
      return;
    }
    if (!isPlainObject(value)) return;
    for (const [key, entry] of Object.entries(value)) {
      if (key === 'Fn::Transform') {
        const location = includeLocation(entry);
        if (location !== undefined)
          found.push({
            at: [...at, key, 'Parameters', 'Location'],
            location,
            path: repositoryPathOf(params.templatePath, location),
          });
      }
      visit(entry, [...at, key]);
    }
  };
  visit(params.template, []);
  return found;
}

function includeLocation(transform: unknown): string | undefined {
  if (!isPlainObject(transform) || transform['Name'] !== 'AWS::Include') return undefined;
  const parameters = transform['Parameters'];
  if (!isPlainObject(parameters) || !Object.hasOwn(parameters, 'Location')) return undefined;
  const location = parameters['Location'];
  return isLocalTemplateLocation(location) ? location : undefined;
}
