import { isPlainObject } from './is-plain-object.js';
import { nameSuggester, type NameSuggester } from './name-suggester.js';
import { PSEUDO_PARAMETERS } from './pseudo-parameters.js';

const SERVERLESS_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** What a template declares, so references can be checked against it. */
export interface TemplateNames {
  readonly parameters: ReadonlySet<string>;
  readonly resources: ReadonlySet<string>;
  readonly conditions: ReadonlySet<string>;
  readonly mappings: Readonly<Record<string, unknown>>;
  /** The SAM transform generates resources (`<Function>Role`, `ServerlessRestApi`...) that templates may reference. */
  readonly serverless: boolean;
  readonly serverlessResources: readonly string[];
  /** "Did you mean" for a name that resolves to nothing; bounded per template (see `nameSuggester`). */
  readonly suggest: NameSuggester;
}

export function collectTemplateNames(template: Record<string, unknown>): TemplateNames {
  const resources = isPlainObject(template['Resources']) ? template['Resources'] : {};
  const transforms = [template['Transform']].flat();
  return {
    parameters: new Set(keysOf(template['Parameters'])),
    resources: new Set(Object.keys(resources)),
    conditions: new Set(keysOf(template['Conditions'])),
    mappings: isPlainObject(template['Mappings']) ? template['Mappings'] : {},
    serverless: transforms.includes(SERVERLESS_TRANSFORM),
    serverlessResources: Object.entries(resources)
      .filter(([, body]) => isPlainObject(body) && String(body['Type']).startsWith('AWS::Serverless::'))
      .map(([id]) => id),
    suggest: nameSuggester(),
  };
}

function keysOf(section: unknown): string[] {
  return isPlainObject(section) ? Object.keys(section) : [];
}

export function isResource(names: TemplateNames, id: string): boolean {
  if (names.resources.has(id)) return true;
  if (!names.serverless) return false;
  return (
    id.startsWith('ServerlessRestApi') ||
    id.startsWith('ServerlessHttpApi') ||
    names.serverlessResources.some((serverlessId) => id.startsWith(serverlessId))
  );
}

export function isRefTarget(names: TemplateNames, target: string): boolean {
  if (PSEUDO_PARAMETERS.has(target) || names.parameters.has(target) || isResource(names, target)) return true;
  // SAM lets `!Ref MyFunction.Alias` / `.Version` name what AutoPublishAlias generates.
  const dot = target.indexOf('.');
  return names.serverless && dot > 0 && isResource(names, target.slice(0, dot));
}

/** Every name a `Ref` or `${...}` could have meant, for "did you mean" suggestions. */
export function refCandidates(names: TemplateNames): string[] {
  return [...names.parameters, ...names.resources, ...PSEUDO_PARAMETERS];
}
