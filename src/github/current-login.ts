import { httpStatusOf } from './http-status.js';

/** The one GitHub call `currentLogin` makes: `GET /user/{account_id}`. */
export interface AccountLookupClient {
  users: {
    getById(p: { account_id: number }): Promise<{ data: { login: string } }>;
  };
}

/**
 * The login GitHub gives the account `accountId` now (`GET /user/{account_id}`, docs.github.com,
 * *Get a user using their ID*): a login recorded earlier may have been renamed, and a freed login
 * may have been taken by someone else, so whoever acts for a recorded account is looked up by its
 * id. Undefined when GitHub knows no such account (404: deleted). Throws other HTTP errors.
 */
export async function currentLogin(params: {
  client: AccountLookupClient;
  accountId: number;
}): Promise<string | undefined> {
  try {
    return (await params.client.users.getById({ account_id: params.accountId })).data.login;
  } catch (error) {
    if (httpStatusOf(error) === 404) return undefined;
    throw error;
  }
}
