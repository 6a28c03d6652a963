import { isPlainObject } from '../cfn/is-plain-object.js';
import { parseTemplate } from '../cfn/parse-template.js';
import { withScalarsAsWritten } from './scalars-as-written.js';
import { localNestedTemplates } from '../deploy/local-nested-templates.js';
import { markersReadTogether } from './structured-file-secrets.js';

/**
 * The parent–child pairs (a nested stack whose template is a file of the bundle, and whose parent
 * passes it a literal parameter) read per bundle; past it the reading is not complete and the
 * caller must refuse (fail closed). Each pair is one more bounded evaluation of the child.
 */
export const MAX_NESTED_STACK_PAIRS = 64;

/** Files read as templates (as `structuredFileSecretMarkers` reads them). */
const STRUCTURED = /\.(json|ya?ml|template)$/i;

/** A secret a nested template holds only with the literals its parent passes it. */
export interface NestedStackSecret {
  readonly parentPath: string;
  readonly childPath: string;
  /** The parent's nested stack resource. */
  readonly logicalId: string;
  /** The marker's slug (`github-token`, `too-many-secrets`). */
  readonly slug: string;
}

/** What the reading found, and whether it read every pair (false past MAX_NESTED_STACK_PAIRS). */
export interface NestedStackSecrets {
  readonly found: readonly NestedStackSecret[];
  readonly complete: boolean;
}

/**
 * The secrets CloudFormation assembles across a nested stack's boundary: each template of `files`
 * naming a nested stack whose template is another file of `files` (`localNestedTemplates`:
 * `TemplateURL`, `Location`) is read with the literals (strings, numbers, booleans) its
 * `Parameters` property passes (a `Ref` to the parent's parameter: its literal `Default`), as
 * that child's parameters' `Default`s, so `!Sub 'ghp_${Rest}'` in
 * the child with `Rest: <body>` in the parent is read as the token (`markersReadTogether`). Any
 * other passed intrinsic is not evaluated. At most MAX_NESTED_STACK_PAIRS pairs; past it `complete` is
 * false. AWS CloudFormation Template Reference, "AWS::CloudFormation::Stack" (`Parameters`). Throws
 * when the scanner fails.
 */
export async function nestedStackSecrets(
  files: readonly { path: string; content: string }[],
): Promise<NestedStackSecrets> {
  const byPath = new Map(files.map((file) => [file.path, file.content]));
  const parsed = new Map<string, unknown>();
  const templateAt = (path: string): unknown => {
    if (!parsed.has(path)) {
      const content = byPath.get(path);
      const result = content === undefined || !STRUCTURED.test(path) ? undefined : parseTemplate(content);
      parsed.set(
        path,
        result?.ok === true && content !== undefined
          ? withScalarsAsWritten(content, result.template)
          : undefined,
      );
    }
    return parsed.get(path);
  };
  const found: NestedStackSecret[] = [];
  let pairs = 0;
  // Every template is parsed (bounded): a key spelt with escapes (`"Template\u0055RL"`) names a stack too.
  for (const { path: parentPath } of files) {
    if (!STRUCTURED.test(parentPath)) continue;
    const parent = templateAt(parentPath);
    for (const nested of localNestedTemplates({ templatePath: parentPath, template: parent })) {
      const passed = literalParameters(parent, nested.logicalId);
      const child = nested.path === undefined ? undefined : templateAt(nested.path);
      if (nested.path === undefined || !isPlainObject(child) || passed.size === 0) continue;
      pairs += 1;
      if (pairs > MAX_NESTED_STACK_PAIRS) return { found, complete: false };
      for (const marker of await markersReadTogether([withDefaults(child, passed)]))
        found.push({
          parentPath,
          childPath: nested.path,
          logicalId: nested.logicalId,
          slug: marker.slice('[REDACTED:'.length, -1),
        });
    }
  }
  return { found, complete: true };
}

/**
 * The literal values (a string, a number, a boolean) the parent's resource passes in its
 * `Parameters`, a `Ref` to a parameter of the parent read as that parameter's literal `Default`.
 */
function literalParameters(parent: unknown, logicalId: string): Map<string, string | number | boolean> {
  const resources = isPlainObject(parent) ? parent['Resources'] : undefined;
  const resource = isPlainObject(resources) ? resources[logicalId] : undefined;
  const properties = isPlainObject(resource) ? resource['Properties'] : undefined;
  const parameters = isPlainObject(properties) ? properties['Parameters'] : undefined;
  const passed = new Map<string, string | number | boolean>();
  const declared = isPlainObject(parent) && isPlainObject(parent['Parameters']) ? parent['Parameters'] : {};
  for (const [name, given] of Object.entries(isPlainObject(parameters) ? parameters : {})) {
    const referred = isPlainObject(given) && typeof given['Ref'] === 'string' ? given['Ref'] : undefined;
    const declaration =
      referred !== undefined && Object.hasOwn(declared, referred) ? declared[referred] : undefined;
    const value = isPlainObject(declaration) ? declaration['Default'] : given;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      passed.set(name, value);
  }
  return passed;
}

/** `child` with each passed value as its parameter's `Default` (the declaration's other fields kept). */
function withDefaults(
  child: Record<string, unknown>,
  passed: ReadonlyMap<string, string | number | boolean>,
): Record<string, unknown> {
  const declared = isPlainObject(child['Parameters']) ? child['Parameters'] : {};
  // Own entries only (Object.fromEntries): a parameter named `__proto__` stays a parameter.
  const parameters = Object.fromEntries([
    ...Object.entries(declared).filter(([name]) => !passed.has(name)),
    ...[...passed].map(([name, value]) => {
      const declaration = Object.hasOwn(declared, name) ? declared[name] : undefined;
      return [name, { ...(isPlainObject(declaration) ? declaration : {}), Default: value }] as const;
    }),
  ]);
  return { ...child, Parameters: parameters };
}
