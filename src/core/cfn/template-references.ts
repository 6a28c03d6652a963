import { isPlainObject } from './is-plain-object.js';
import { subPieces } from './sub-variables.js';

/**
 * One thing a template value reads besides its own text: a `name` (`Ref` or an `Fn::Sub`
 * `${Name}`: a parameter, pseudo parameter or resource), a resource's `attribute` (`Fn::GetAtt` or
 * `${Id.Attr}`; `resource` undefined when computed), a `condition` (`Fn::If`, `Condition`), a
 * `mapping` (`Fn::FindInMap`; `name` undefined when computed), or a `transform` (`Fn::Transform`:
 * a macro's output, known only when the stack is deployed).
 */
export type TemplateReference =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'attribute'; readonly resource: string | undefined; readonly text: string }
  | { readonly kind: 'condition'; readonly name: string }
  | { readonly kind: 'mapping'; readonly name: string | undefined }
  | { readonly kind: 'transform' };

/** One piece of an `Fn::Sub`: literal text, a variable of its own map (with its value), or a reference. */
export type SubPart =
  | { readonly literal: string }
  | { readonly variable: string; readonly value: unknown }
  | { readonly reference: Extract<TemplateReference, { kind: 'name' | 'attribute' }> };

/**
 * An `Fn::Sub` argument (`text` or `[text, variables]`) as its parts, in order: a placeholder
 * named in the variable map is that variable; otherwise `${Id.Attr}` is an attribute and
 * `${Name}` a name (AWS CloudFormation User Guide, "Fn::Sub"). Undefined when the text is not a
 * string. The one reading of `Fn::Sub` for the value reader (`readTemplateValue`) and for
 * `templateReferences`, so the two cannot disagree on what a setting reads. Pure.
 */
export function subParts(argument: unknown): { text: string; parts: SubPart[] } | undefined {
  const [text, variables] = Array.isArray(argument) ? [argument[0], argument[1]] : [argument, undefined];
  if (typeof text !== 'string') return undefined;
  const parts = subPieces(text).map((piece): SubPart => {
    if ('literal' in piece) return piece;
    const name = piece.placeholder;
    if (isPlainObject(variables) && Object.hasOwn(variables, name))
      return { variable: name, value: variables[name] };
    return { reference: name.includes('.') ? attribute(name) : { kind: 'name', name } };
  });
  return { text, parts };
}

/**
 * Every reference `value` makes, however deeply nested, in the arguments of every intrinsic
 * (`Fn::ImportValue`, `Fn::Select`, `Fn::Join`… are read through) and in an `Fn::Sub` variable
 * map. The depth is the parser's (`parseTemplate` bounds it). Pure.
 */
export function templateReferences(value: unknown): TemplateReference[] {
  const found: TemplateReference[] = [];
  const visit = (item: unknown): void => {
    if (Array.isArray(item)) return item.forEach(visit);
    if (!isPlainObject(item)) return;
    for (const [key, inner] of Object.entries(item)) {
      found.push(...referencesOfCall(key, inner));
      visit(inner);
    }
  };
  visit(value);
  return found;
}

function referencesOfCall(key: string, argument: unknown): TemplateReference[] {
  switch (key) {
    case 'Ref':
      return typeof argument === 'string' ? [{ kind: 'name', name: argument }] : [];
    case 'Condition':
      return typeof argument === 'string' ? [{ kind: 'condition', name: argument }] : [];
    case 'Fn::If':
      return Array.isArray(argument) && typeof argument[0] === 'string'
        ? [{ kind: 'condition', name: argument[0] }]
        : [];
    case 'Fn::FindInMap':
      return Array.isArray(argument)
        ? [{ kind: 'mapping', name: typeof argument[0] === 'string' ? argument[0] : undefined }]
        : [];
    case 'Fn::GetAtt':
      if (typeof argument === 'string') return [attribute(argument)];
      return [
        {
          kind: 'attribute',
          resource: Array.isArray(argument) && typeof argument[0] === 'string' ? argument[0] : undefined,
          text: JSON.stringify(argument) ?? '',
        },
      ];
    case 'Fn::Sub':
      return (subParts(argument)?.parts ?? []).flatMap((part) =>
        'reference' in part ? [part.reference] : [],
      );
    case 'Fn::Transform':
      return [{ kind: 'transform' }];
    default:
      return [];
  }
}

function attribute(text: string): Extract<TemplateReference, { kind: 'attribute' }> {
  return { kind: 'attribute', resource: text.split('.')[0], text };
}
