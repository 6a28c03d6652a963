import { CONTROL_DISPATCH_TYPE, type ControlRequest } from '../core/deploy/control-request.js';

export interface DispatchClient {
  repos: {
    createDispatchEvent(p: {
      owner: string;
      repo: string;
      event_type: string;
      client_payload: { [key: string]: unknown };
    }): Promise<unknown>;
  };
}

/** Hands a control command to the deploy workflow; dispatches start workflows even from GITHUB_TOKEN. */
export async function sendControlRequest(params: {
  client: DispatchClient;
  owner: string;
  repo: string;
  request: ControlRequest;
}): Promise<void> {
  await params.client.repos.createDispatchEvent({
    owner: params.owner,
    repo: params.repo,
    event_type: CONTROL_DISPATCH_TYPE,
    client_payload: { ...params.request },
  });
}
