import { codeLiteral } from '../../naming/code-literal.js';
import { createCall } from './application-create-call.js';
import type { Resource, ResourceModel } from './model/resource-model-types.js';
import { routeKey } from './model/route-key.js';

/**
 * The generated lines of a resource's validation test for the counts the service keeps (`votes`):
 * a create sending one answers 400 `is set by the service`, an item made reads 0, and an update
 * sending one answers 400 and leaves the count as it was. `sample` is the code of a valid create body.
 */
export function keptCountChecks(resource: Resource, model: ResourceModel, sample: string): string[] {
  const update = model.operations.find(
    (operation) => operation.resource === resource.name && operation.kind === 'update',
  );
  return resource.fields
    .filter((field) => field.counter === true)
    .map((field) => {
      const name = field.name;
      const refused = `toMatchObject({ status: 400, body: { errors: ['field "${field.name}" is set by the service'] } })`;
      const updated =
        update === undefined
          ? ''
          : `
      expect(await call(${codeLiteral(update.routeKey)}, { id: counted.body.id, body: { ${name}: 1000000 } })).${refused};
      expect((await call(${codeLiteral(routeKey(resource.collection, 'read'))}, { id: counted.body.id })).body.${name}).toBe(0);`;
      return `    {
      expect(await ${createCall(resource, `{ ...${sample}, ${name}: 1000000 }`)}).${refused};
      const counted = await ${createCall(resource, sample)};
      expect(counted.body.${name}).toBe(0);${updated}
    }`;
    });
}
