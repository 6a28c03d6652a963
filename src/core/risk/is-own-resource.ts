import { isPlainObject } from '../cfn/is-plain-object.js';
import { resourceType, returnsFreeValue } from './free-value-types.js';
import type { TemplateValueContext } from './read-template-value.js';

/**
 * `Ref` or `Fn::GetAtt` of a resource of this template that returns its own identity (not a value
 * it carries: `returnsFreeValue`), and of one of `types` when given. `Ref: AWS::NoValue` (no value
 * at all) counts as own. A literal, a parameter or an import is never own.
 */
export function isOwnResource(
  value: unknown,
  context: TemplateValueContext,
  types?: ReadonlySet<string>,
): boolean {
  if (!isPlainObject(value)) return false;
  const ref = value['Ref'];
  if (ref === 'AWS::NoValue') return true;
  const attribute = value['Fn::GetAtt'];
  const [id, name] =
    typeof ref === 'string'
      ? [ref, undefined]
      : Array.isArray(attribute)
        ? [attribute[0], attribute[1]]
        : typeof attribute === 'string'
          ? attribute.split('.')
          : [];
  if (typeof id !== 'string') return false;
  const type = resourceType(context.resources, id);
  if (type === '' || (types !== undefined && !types.has(type))) return false;
  // An attribute name given by `Ref` may be any attribute, a carried one included.
  return !returnsFreeValue(type, typeof name === 'string' || name === undefined ? name : 'Value');
}
