import { z } from 'zod';
import type { GraphqlClient } from './graphql-client.js';

const viewerSchema = z.object({ viewer: z.object({ login: z.string().min(1) }) });

/**
 * The login a token acts as, from GraphQL's `viewer`: `github-actions[bot]` for a workflow's
 * `GITHUB_TOKEN`, `<app-slug>[bot]` for a GitHub App installation token, the user for a personal
 * token. REST's `GET /user` refuses installation tokens ("Resource not accessible by
 * integration"); `viewer` answers every kind. Throws when GitHub's answer has no login.
 */
export async function readViewerLogin(graphql: GraphqlClient): Promise<string> {
  const answer = viewerSchema.safeParse(await graphql('query { viewer { login } }'));
  if (!answer.success) throw new Error('GitHub did not say which account the token acts as (GraphQL viewer)');
  return answer.data.viewer.login;
}
