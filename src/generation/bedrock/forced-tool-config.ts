import type { ToolConfiguration, ToolInputSchema } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';

/**
 * A Converse tool configuration that offers one tool and forces the model to call it
 * (`toolChoice.tool`), so the answer is that tool's structured input, never prose. The tool's
 * input schema is the JSON Schema of `schema` (`z.toJSONSchema`) without its `$schema` draft
 * marker: Bedrock wants the bare schema object. Bedrock Converse API reference: ToolConfiguration,
 * ToolSpecification, ToolChoice.
 */
export function forcedToolConfig(params: {
  name: string;
  description: string;
  schema: z.ZodType;
}): ToolConfiguration {
  const { $schema: _draft, ...schema } = z.toJSONSchema(params.schema);
  return {
    tools: [
      {
        toolSpec: {
          name: params.name,
          description: params.description,
          // toJSONSchema emits plain JSON values only, which is all the SDK's document type describes.
          inputSchema: { json: schema as ToolInputSchema.JsonMember['json'] },
        },
      },
    ],
    toolChoice: { tool: { name: params.name } },
  };
}
