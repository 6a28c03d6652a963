import { NO_USAGE, type ModelProvider } from '../../../src/generation/model-provider.js';
import { bundleOf, file } from '../../core/gates/bundle-fixtures.js';
import { ordersApiYaml } from '../../core/cfn/template-fixtures.js';

/**
 * A provider whose bundle has exactly `fileCount` valid files (a template plus small modules),
 * plus any `extraPaths`, to play a model that keeps answering with a bad path. Counts its calls.
 */
export function fixedBundleProvider(
  fileCount: number,
  extraPaths: readonly string[] = [],
): ModelProvider & { readonly calls: number } {
  let calls = 0;
  const files = [
    file('infra/orders-api.yaml', ordersApiYaml, 'template'),
    ...Array.from({ length: fileCount - 1 }, (_, index) =>
      file(`src/orders/part-${index + 1}.ts`, `export const part${index + 1} = ${index + 1};\n`),
    ),
    ...extraPaths.map((path) => file(path)),
  ];
  return {
    name: `fixed-${fileCount}`,
    get calls() {
      return calls;
    },
    generate: async () => {
      calls++;
      return {
        bundle: bundleOf(files, 'infra/orders-api.yaml'),
        usage: NO_USAGE,
        model: `fixed-${fileCount}`,
      };
    },
  };
}
