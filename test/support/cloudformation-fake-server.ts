import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CloudFormationFakeScenario =
  'create-succeeds' | 'update-succeeds' | 'no-changes' | 'update-fails';

export interface CloudFormationFakeOptions {
  /**
   * - `create-succeeds`: no stack at first; a CREATE change set runs to CREATE_COMPLETE.
   * - `update-succeeds`: the stack exists (CREATE_COMPLETE); an UPDATE runs to UPDATE_COMPLETE.
   * - `no-changes`: the stack exists; every change set fails with CloudFormation's "didn't contain changes".
   * - `update-fails`: the stack exists; an UPDATE fails on one resource and rolls back to UPDATE_ROLLBACK_COMPLETE.
   */
  readonly scenario: CloudFormationFakeScenario;
  /** Extra queues a create adds (`ExtraQueue1`, ...), for change sets too long for one comment. */
  readonly extraResources?: number;
  /** The stack's Outputs once an operation completes (and from the start when the stack exists). */
  readonly outputs?: Readonly<Record<string, string>>;
  /** The stack that exists from the start in the update scenarios; `orders-api-staging` by default. */
  readonly stackName?: string;
  /** Actions the caller's role may not call: answered with IAM's AccessDenied (HTTP 403), as AWS does. */
  readonly denied?: readonly string[];
}

/** One Query-protocol call as received: `Action` apart, every other form field as sent (minus `Version`). */
export interface RecordedCloudFormationRequest {
  readonly action: string;
  readonly params: Record<string, string>;
}

export interface CloudFormationFake {
  /** `http://127.0.0.1:<port>`, for `AWS_ENDPOINT_URL_CLOUDFORMATION` or a client's `endpoint`. */
  readonly url: string;
  readonly requests: RecordedCloudFormationRequest[];
  close(): Promise<void>;
}

/**
 * A stand-in for CloudFormation's Query API on loopback, for running the built Action as a process.
 * Stacks and change sets live in memory; a running operation advances one step per DescribeStacks
 * of its stack, so a deploy sees `*_IN_PROGRESS` first and the final status after, and the final
 * status is only ever shown once the stack's own event for it exists, as with the real service.
 */
export async function startCloudFormationFake(
  options: CloudFormationFakeOptions,
): Promise<CloudFormationFake> {
  const requests: RecordedCloudFormationRequest[] = [];
  const cloudFormation = createFakeCloudFormation(options);
  const server = createServer((request, response) => {
    void serve({ request, response, requests, cloudFormation, denied: options.denied ?? [] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // The SDK keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const XMLNS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const REGION = 'ap-southeast-2';
const ACCOUNT = '123456789012';
const DEFAULT_STACK_NAME = 'orders-api-staging';
const NO_CHANGES_REASON =
  "The submitted information didn't contain changes. Submit different information to create a change set.";

type Params = Readonly<Record<string, string>>;

async function serve(params: {
  request: IncomingMessage;
  response: ServerResponse;
  requests: RecordedCloudFormationRequest[];
  cloudFormation: FakeCloudFormation;
  denied: readonly string[];
}): Promise<void> {
  const { request, response, requests, cloudFormation } = params;
  const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
  const form = new URLSearchParams(await readBody(request));
  const fields: Record<string, string> = { ...Object.fromEntries(query), ...Object.fromEntries(form) };
  const { Action: action = '', Version: _version, ...rest } = fields;
  requests.push({ action, params: rest });

  const requestId = randomUUID();
  const respond = (status: number, xml: string) => {
    response.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
    response.end(xml);
  };
  try {
    if (params.denied.includes(action)) {
      throw new QueryError({
        status: 403,
        code: 'AccessDenied',
        message:
          `User: arn:aws:sts::${ACCOUNT}:assumed-role/implementation-agent-deploy/GitHubActions is not authorized to perform: ` +
          `cloudformation:${action} on resource: arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${rest.StackName ?? '*'}/* ` +
          `because no identity-based policy allows the cloudformation:${action} action`,
      });
    }
    const result = cloudFormation.handle(action, rest);
    const resultXml = result === '' ? '' : element(`${action}Result`, result);
    respond(
      200,
      `<${action}Response xmlns="${XMLNS}">${resultXml}` +
        `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
    );
  } catch (error) {
    const failure =
      error instanceof QueryError
        ? error
        : new QueryError({ status: 500, code: 'InternalFailure', message: String(error), type: 'Receiver' });
    respond(
      failure.status,
      `<ErrorResponse xmlns="${XMLNS}"><Error>${text('Type', failure.type)}${text('Code', failure.code)}` +
        `${text('Message', failure.message)}</Error>${text('RequestId', requestId)}</ErrorResponse>`,
    );
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

class QueryError extends Error {
  readonly status: number;
  readonly code: string;
  readonly type: 'Sender' | 'Receiver';

  constructor(params: { status?: number; code: string; message: string; type?: 'Sender' | 'Receiver' }) {
    super(params.message);
    this.status = params.status ?? 400;
    this.code = params.code;
    this.type = params.type ?? 'Sender';
  }
}

const validationError = (message: string) => new QueryError({ code: 'ValidationError', message });

// ---- state -------------------------------------------------------------------------------------

interface KeyValue {
  readonly key: string;
  readonly value: string;
}

interface StackInputs {
  readonly parameters: readonly KeyValue[];
  readonly tags: readonly KeyValue[];
  readonly capabilities: readonly string[];
  readonly rollbackConfiguration?: {
    readonly triggers: ReadonlyArray<{ readonly arn: string; readonly type: string }>;
    readonly monitoringMinutes?: string;
  };
}

type ChangeAction = 'Add' | 'Modify';

interface PlannedChange {
  readonly action: ChangeAction;
  readonly logicalId: string;
  readonly resourceType: string;
}

interface FakeEvent {
  readonly eventId: string;
  readonly logicalId: string;
  readonly physicalId: string;
  readonly resourceType: string;
  readonly status: string;
  readonly reason?: string;
  readonly timestamp: Date;
}

interface FakeStack {
  readonly id: string;
  readonly name: string;
  status: string;
  statusReason?: string;
  readonly createdAt: Date;
  updatedAt?: Date;
  inputs: StackInputs;
  outputs: Readonly<Record<string, string>>;
  terminationProtection: boolean;
  lastChangeSetId?: string;
  /** Oldest first; DescribeStackEvents reverses. */
  readonly events: FakeEvent[];
  /** The rest of the running operation, one step per DescribeStacks. */
  steps: Array<() => void>;
  running?: FakeChangeSet;
}

interface FakeChangeSet {
  readonly id: string;
  readonly name: string;
  readonly stack: FakeStack;
  readonly type: 'CREATE' | 'UPDATE';
  readonly createdAt: Date;
  readonly inputs: StackInputs;
  readonly changes: readonly PlannedChange[];
  readonly computed: { readonly status: 'CREATE_COMPLETE' | 'FAILED'; readonly reason?: string };
  status: 'CREATE_PENDING' | 'CREATE_COMPLETE' | 'FAILED';
  executionStatus:
    'UNAVAILABLE' | 'AVAILABLE' | 'EXECUTE_IN_PROGRESS' | 'EXECUTE_COMPLETE' | 'EXECUTE_FAILED';
  describeCount: number;
}

const CREATED_RESOURCES: readonly PlannedChange[] = [
  { action: 'Add', logicalId: 'OrdersTable', resourceType: 'AWS::DynamoDB::Table' },
  { action: 'Add', logicalId: 'OrdersFunction', resourceType: 'AWS::Lambda::Function' },
];
const UPDATED_RESOURCES: readonly PlannedChange[] = [
  { action: 'Modify', logicalId: 'OrdersFunction', resourceType: 'AWS::Lambda::Function' },
  { action: 'Add', logicalId: 'OrdersErrorsAlarm', resourceType: 'AWS::CloudWatch::Alarm' },
];

/** What Lambda says when the code package a template points at is not in the bucket. */
const UPDATE_FAILURE_REASON =
  'Resource handler returned message: "Error occurred while GetObject. S3 Error Code: NoSuchKey. ' +
  'S3 Error Message: The specified key does not exist. (Service: Lambda, Status Code: 400, ' +
  'Request ID: 0d7f3c1e-8b2a-4e5d-9c6f-3a1b2c4d5e6f)" (RequestToken: 5b8e2c1d-7f3a-4d6e-b9c0-1a2b3c4d5e6f, ' +
  'HandlerErrorCode: InvalidRequest)';

const RESOURCE_VERB: Record<ChangeAction, string> = { Add: 'CREATE', Modify: 'UPDATE' };
const CANCELLED_REASON: Record<ChangeAction, string> = {
  Add: 'Resource creation cancelled',
  Modify: 'Resource update cancelled',
};

interface FakeCloudFormation {
  /** The inner XML of `<ActionResult>`, or '' for actions that answer with metadata only. */
  handle(action: string, params: Params): string;
}

function createFakeCloudFormation(options: CloudFormationFakeOptions): FakeCloudFormation {
  const stacks: FakeStack[] = [];
  const changeSets = new Map<string, FakeChangeSet>();
  const clock = eventClock();

  const arn = (kind: 'stack' | 'changeSet', name: string) =>
    `arn:aws:cloudformation:${REGION}:${ACCOUNT}:${kind}/${name}/${randomUUID()}`;
  const physicalIds = new Map<string, string>();
  const physicalIdOf = (stack: FakeStack, logicalId: string) => {
    const key = `${stack.id}/${logicalId}`;
    const known = physicalIds.get(key) ?? `${stack.name}-${logicalId}-${randomSuffix()}`;
    physicalIds.set(key, known);
    return known;
  };

  const record = (stack: FakeStack, event: Omit<FakeEvent, 'eventId' | 'timestamp'>, gapMs = 1_000) => {
    const timestamp = clock.next(gapMs);
    const isStack = event.logicalId === stack.name;
    const eventId = isStack ? randomUUID() : `${event.logicalId}-${event.status}-${timestamp.toISOString()}`;
    stack.events.push({ ...event, eventId, timestamp });
  };
  /** The stack's own event and its status change together, so no status shows before its event. */
  const moveStack = (stack: FakeStack, status: string, reason?: string) => {
    record(stack, {
      logicalId: stack.name,
      physicalId: stack.id,
      resourceType: 'AWS::CloudFormation::Stack',
      status,
      ...(reason === undefined ? {} : { reason }),
    });
    stack.status = status;
    if (reason === undefined || reason === 'User Initiated') delete stack.statusReason;
    else stack.statusReason = reason;
  };
  const moveResource = (params: {
    stack: FakeStack;
    change: PlannedChange;
    status: string;
    reason?: string;
    gapMs?: number;
  }) => {
    const { stack, change, status, reason, gapMs } = params;
    record(
      stack,
      {
        logicalId: change.logicalId,
        physicalId: physicalIdOf(stack, change.logicalId),
        resourceType: change.resourceType,
        status,
        ...(reason === undefined ? {} : { reason }),
      },
      gapMs,
    );
  };

  const newStack = (name: string, status: string): FakeStack => {
    const stack: FakeStack = {
      id: arn('stack', name),
      name,
      status,
      createdAt: clock.next(0),
      inputs: { parameters: [], tags: [], capabilities: [] },
      outputs: {},
      terminationProtection: false,
      events: [],
      steps: [],
    };
    stacks.push(stack);
    return stack;
  };

  const seedExistingStack = (name: string) => {
    clock.rewind(86_400_000);
    const stack = newStack(name, 'CREATE_IN_PROGRESS');
    moveStack(stack, 'CREATE_IN_PROGRESS', 'User Initiated');
    for (const change of CREATED_RESOURCES) {
      moveResource({ stack, change, status: 'CREATE_IN_PROGRESS' });
      moveResource({ stack, change, status: 'CREATE_IN_PROGRESS', reason: 'Resource creation Initiated' });
    }
    for (const change of CREATED_RESOURCES)
      moveResource({ stack, change, status: 'CREATE_COMPLETE', gapMs: 7_000 });
    moveStack(stack, 'CREATE_COMPLETE');
    stack.outputs = { ...options.outputs };
  };
  if (options.scenario !== 'create-succeeds') seedExistingStack(options.stackName ?? DEFAULT_STACK_NAME);

  /** By ARN any stack, deleted ones too; by name only the live one, as CloudFormation resolves them. */
  const findStack = (reference: string): FakeStack | undefined =>
    reference.startsWith('arn:')
      ? stacks.find((stack) => stack.id === reference)
      : stacks.find((stack) => stack.name === reference && stack.status !== 'DELETE_COMPLETE');
  const requireStack = (reference: string, message = `Stack [${reference}] does not exist`): FakeStack => {
    const stack = findStack(reference);
    if (stack === undefined) throw validationError(message);
    return stack;
  };
  const findChangeSet = (params: Params): FakeChangeSet => {
    const reference = required(params, 'ChangeSetName');
    const byId = changeSets.get(reference);
    const byName = [...changeSets.values()].find(
      (changeSet) =>
        changeSet.name === reference &&
        params.StackName !== undefined &&
        changeSet.stack === findStack(params.StackName),
    );
    const changeSet = byId ?? byName;
    if (changeSet === undefined) {
      throw new QueryError({
        status: 404,
        code: 'ChangeSetNotFound',
        message: `ChangeSet [${reference}] does not exist`,
      });
    }
    return changeSet;
  };

  const succeedingSteps = (stack: FakeStack, changeSet: FakeChangeSet): Array<() => void> => [
    () => {
      for (const change of changeSet.changes) {
        const verb = RESOURCE_VERB[change.action];
        moveResource({ stack, change, status: `${verb}_IN_PROGRESS` });
        if (change.action === 'Add') {
          moveResource({
            stack,
            change,
            status: 'CREATE_IN_PROGRESS',
            reason: 'Resource creation Initiated',
          });
        }
      }
    },
    () => {
      for (const change of changeSet.changes) {
        moveResource({ stack, change, status: `${RESOURCE_VERB[change.action]}_COMPLETE`, gapMs: 6_000 });
      }
      stack.inputs = changeSet.inputs;
      stack.outputs = { ...options.outputs };
      if (changeSet.type === 'UPDATE') moveStack(stack, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
      moveStack(stack, `${changeSet.type}_COMPLETE`);
      changeSet.executionStatus = 'EXECUTE_COMPLETE';
      delete stack.running;
    },
  ];

  /** Puts back what the update changed: modified resources updated again, added ones deleted. */
  const rollbackStep = (stack: FakeStack, changeSet: FakeChangeSet) => () => {
    for (const change of changeSet.changes.filter((change) => change.action === 'Modify')) {
      moveResource({ stack, change, status: 'UPDATE_IN_PROGRESS' });
      moveResource({ stack, change, status: 'UPDATE_COMPLETE', gapMs: 5_000 });
    }
    moveStack(stack, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS');
    for (const change of changeSet.changes.filter((change) => change.action === 'Add')) {
      moveResource({ stack, change, status: 'DELETE_IN_PROGRESS' });
      moveResource({ stack, change, status: 'DELETE_COMPLETE', gapMs: 2_000 });
    }
    moveStack(stack, 'UPDATE_ROLLBACK_COMPLETE');
    changeSet.executionStatus = 'EXECUTE_FAILED';
    delete stack.running;
  };

  const failingSteps = (stack: FakeStack, changeSet: FakeChangeSet): Array<() => void> => {
    const failing = changeSet.changes.find((change) => change.action === 'Modify') ?? changeSet.changes[0];
    return [
      () => {
        for (const change of changeSet.changes) {
          moveResource({ stack, change, status: `${RESOURCE_VERB[change.action]}_IN_PROGRESS` });
        }
        for (const change of changeSet.changes) {
          const verb = RESOURCE_VERB[change.action];
          const reason = change === failing ? UPDATE_FAILURE_REASON : CANCELLED_REASON[change.action];
          moveResource({ stack, change, status: `${verb}_FAILED`, reason, gapMs: 3_000 });
        }
        moveStack(stack, 'UPDATE_ROLLBACK_IN_PROGRESS', failedResourcesReason(changeSet.changes));
      },
      rollbackStep(stack, changeSet),
    ];
  };

  const handlers: Record<string, (params: Params) => string> = {
    DescribeStacks: (params) => {
      const reference = params.StackName;
      const found =
        reference === undefined
          ? stacks.filter((stack) => stack.status !== 'DELETE_COMPLETE')
          : [requireStack(reference, `Stack with id ${reference} does not exist`)];
      for (const stack of found) stack.steps.shift()?.();
      return members('Stacks', found, renderStack);
    },

    DescribeStackEvents: (params) => {
      const stack = requireStack(required(params, 'StackName'));
      return members('StackEvents', [...stack.events].reverse(), (event) => renderEvent(stack, event));
    },

    CreateChangeSet: (params) => {
      const stackName = required(params, 'StackName');
      const name = required(params, 'ChangeSetName');
      const type = params.ChangeSetType === 'CREATE' ? 'CREATE' : 'UPDATE';
      const inputs = readStackInputs(params);
      checkTemplate({ params, capabilities: inputs.capabilities });

      const existing = findStack(stackName);
      if (type === 'UPDATE' && existing === undefined)
        throw validationError(`Stack [${stackName}] does not exist`);
      if (type === 'CREATE' && existing !== undefined && existing.status !== 'REVIEW_IN_PROGRESS') {
        throw validationError(
          `Stack [${stackName}] already exists and cannot be created again with the changeSet [${name}].`,
        );
      }
      if (existing !== undefined && isOperationRunning(existing.status)) {
        throw validationError(`Stack:${existing.id} is in ${existing.status} state and can not be updated.`);
      }
      if (
        [...changeSets.values()].some((changeSet) => changeSet.name === name && changeSet.stack === existing)
      ) {
        throw new QueryError({ code: 'AlreadyExistsException', message: `ChangeSet ${name} already exists` });
      }

      const stack = existing ?? newStack(stackName, 'REVIEW_IN_PROGRESS');
      if (existing === undefined) moveStack(stack, 'REVIEW_IN_PROGRESS', 'User Initiated');
      const changeSet: FakeChangeSet = {
        id: arn('changeSet', name),
        name,
        stack,
        type,
        createdAt: clock.next(0),
        inputs: resolvePreviousValues({ inputs, stack }),
        changes:
          options.scenario === 'no-changes'
            ? []
            : type === 'CREATE'
              ? [
                  ...CREATED_RESOURCES,
                  ...Array.from({ length: options.extraResources ?? 0 }, (_, index) => ({
                    action: 'Add' as const,
                    logicalId: `ExtraQueue${index + 1}`,
                    resourceType: 'AWS::SQS::Queue',
                  })),
                ]
              : UPDATED_RESOURCES,
        computed:
          options.scenario === 'no-changes'
            ? { status: 'FAILED', reason: NO_CHANGES_REASON }
            : { status: 'CREATE_COMPLETE' },
        status: 'CREATE_PENDING',
        executionStatus: 'UNAVAILABLE',
        describeCount: 0,
      };
      changeSets.set(changeSet.id, changeSet);
      return text('Id', changeSet.id) + text('StackId', stack.id);
    },

    DescribeChangeSet: (params) => {
      const changeSet = findChangeSet(params);
      changeSet.describeCount += 1;
      // The first look finds it still being computed, as a deploy right after CreateChangeSet does.
      if (changeSet.status === 'CREATE_PENDING' && changeSet.describeCount > 1) {
        changeSet.status = changeSet.computed.status;
        changeSet.executionStatus = changeSet.computed.status === 'FAILED' ? 'UNAVAILABLE' : 'AVAILABLE';
      }
      return renderChangeSet(changeSet, (logicalId) => physicalIdOf(changeSet.stack, logicalId));
    },

    DeleteChangeSet: (params) => {
      const changeSet = findChangeSet(params);
      if (changeSet.executionStatus === 'EXECUTE_IN_PROGRESS') {
        throw new QueryError({
          code: 'InvalidChangeSetStatus',
          message: `Cannot delete ChangeSet in status ${changeSet.executionStatus}`,
        });
      }
      changeSets.delete(changeSet.id);
      return '';
    },

    ExecuteChangeSet: (params) => {
      const changeSet = findChangeSet(params);
      const { stack } = changeSet;
      if (changeSet.executionStatus !== 'AVAILABLE') {
        throw new QueryError({
          code: 'InvalidChangeSetStatus',
          message: `ChangeSet [${changeSet.id}] cannot be executed in its current execution status of [${changeSet.executionStatus}]`,
        });
      }
      if (isOperationRunning(stack.status)) {
        throw validationError(`Stack:${stack.id} is in ${stack.status} state and can not be updated.`);
      }
      changeSet.executionStatus = 'EXECUTE_IN_PROGRESS';
      stack.lastChangeSetId = changeSet.id;
      stack.running = changeSet;
      if (changeSet.type === 'UPDATE') stack.updatedAt = clock.next(0);
      moveStack(stack, `${changeSet.type}_IN_PROGRESS`, 'User Initiated');
      const fails = changeSet.type === 'UPDATE' && options.scenario === 'update-fails';
      stack.steps = fails ? failingSteps(stack, changeSet) : succeedingSteps(stack, changeSet);
      return '';
    },

    DeleteStack: (params) => {
      const stack = findStack(required(params, 'StackName'));
      // Deleting a stack that is not there succeeds, as it does in CloudFormation.
      if (stack === undefined || stack.status === 'DELETE_COMPLETE') return '';
      if (stack.terminationProtection) {
        throw validationError(
          `Stack [${stack.name}] cannot be deleted while TerminationProtection is enabled`,
        );
      }
      moveStack(stack, 'DELETE_IN_PROGRESS', 'User Initiated');
      moveStack(stack, 'DELETE_COMPLETE');
      stack.steps = [];
      for (const changeSet of [...changeSets.values()]) {
        if (changeSet.stack === stack) changeSets.delete(changeSet.id);
      }
      return '';
    },

    UpdateTerminationProtection: (params) => {
      const stack = requireStack(required(params, 'StackName'));
      stack.terminationProtection = required(params, 'EnableTerminationProtection') === 'true';
      return text('StackId', stack.id);
    },

    CancelUpdateStack: (params) => {
      const stack = requireStack(required(params, 'StackName'));
      if (stack.status !== 'UPDATE_IN_PROGRESS' || stack.running === undefined) {
        throw validationError(
          `CancelUpdateStack cannot be called from current stack status ${stack.status}.`,
        );
      }
      moveStack(stack, 'UPDATE_ROLLBACK_IN_PROGRESS', 'User Initiated');
      stack.steps = [rollbackStep(stack, stack.running)];
      return '';
    },
  };

  return {
    handle: (action, params) => {
      const handler = Object.hasOwn(handlers, action) ? handlers[action] : undefined;
      if (handler === undefined) {
        throw new QueryError({
          code: 'InvalidAction',
          message: `Could not find operation ${action} for version 2010-05-15`,
        });
      }
      return handler(params);
    },
  };
}

/** Timestamps that always move forward, a little apart, like the events of a real operation. */
function eventClock() {
  let last = Date.now();
  return {
    next: (gapMs: number) => {
      last = Math.max(last + gapMs, Date.now());
      return new Date(last);
    },
    /** Moves back in time to write a stack's history; `next` catches up with the present after. */
    rewind: (ms: number) => {
      last -= ms;
    },
  };
}

function randomSuffix(): string {
  return randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase();
}

function isOperationRunning(status: string): boolean {
  return status.endsWith('_IN_PROGRESS') && status !== 'REVIEW_IN_PROGRESS';
}

function failedResourcesReason(changes: readonly PlannedChange[]): string {
  const created = changes.filter((change) => change.action === 'Add').map((change) => change.logicalId);
  const updated = changes.filter((change) => change.action === 'Modify').map((change) => change.logicalId);
  return [
    created.length > 0 ? `The following resource(s) failed to create: [${created.join(', ')}]. ` : '',
    updated.length > 0 ? `The following resource(s) failed to update: [${updated.join(', ')}]. ` : '',
  ].join('');
}

// ---- requests ----------------------------------------------------------------------------------

function required(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') {
    const member = name.charAt(0).toLowerCase() + name.slice(1);
    throw validationError(
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

/** `Prefix.member.1`, `Prefix.member.2`, ... until one is missing. */
function readMembers(params: Params, prefix: string): string[] {
  const values: string[] = [];
  for (let n = 1; params[`${prefix}.member.${n}`] !== undefined; n += 1) {
    values.push(params[`${prefix}.member.${n}`] ?? '');
  }
  return values;
}

/** `Prefix.member.1.Field`, ... as one record per member. */
function readStructMembers(params: Params, prefix: string): Array<Record<string, string>> {
  const structs: Array<Record<string, string>> = [];
  for (let n = 1; ; n += 1) {
    const head = `${prefix}.member.${n}.`;
    const fields = Object.entries(params).filter(([key]) => key.startsWith(head));
    if (fields.length === 0) return structs;
    structs.push(Object.fromEntries(fields.map(([key, value]) => [key.slice(head.length), value])));
  }
}

function readStackInputs(params: Params): StackInputs & { readonly usePrevious: readonly string[] } {
  const parameterMembers = readStructMembers(params, 'Parameters');
  const triggers = readStructMembers(params, 'RollbackConfiguration.RollbackTriggers');
  const monitoringMinutes = params['RollbackConfiguration.MonitoringTimeInMinutes'];
  const hasRollback = triggers.length > 0 || monitoringMinutes !== undefined;
  return {
    parameters: parameterMembers
      .filter((member) => member.UsePreviousValue !== 'true')
      .map((member) => ({ key: member.ParameterKey ?? '', value: member.ParameterValue ?? '' })),
    usePrevious: parameterMembers
      .filter((member) => member.UsePreviousValue === 'true')
      .map((member) => member.ParameterKey ?? ''),
    tags: readStructMembers(params, 'Tags').map((member) => ({
      key: member.Key ?? '',
      value: member.Value ?? '',
    })),
    capabilities: readMembers(params, 'Capabilities'),
    ...(hasRollback
      ? {
          rollbackConfiguration: {
            triggers: triggers.map((trigger) => ({ arn: trigger.Arn ?? '', type: trigger.Type ?? '' })),
            ...(monitoringMinutes === undefined ? {} : { monitoringMinutes }),
          },
        }
      : {}),
  };
}

function resolvePreviousValues(params: {
  inputs: StackInputs & { readonly usePrevious: readonly string[] };
  stack: FakeStack;
}): StackInputs {
  const { inputs, stack } = params;
  const { usePrevious, ...rest } = inputs;
  const previous = stack.inputs.parameters.filter((parameter) => usePrevious.includes(parameter.key));
  return { ...rest, parameters: [...rest.parameters, ...previous] };
}

/** CloudFormation refuses a template before computing anything when it lacks the capabilities it needs. */
function checkTemplate(params: { params: Params; capabilities: readonly string[] }): void {
  const { capabilities } = params;
  const template = params.params.TemplateBody;
  if (
    template === undefined &&
    params.params.TemplateURL === undefined &&
    params.params.UsePreviousTemplate !== 'true'
  ) {
    throw validationError('Either Template URL or Template Body must be specified.');
  }
  if (template === undefined) return;
  const missing = (capability: string) => !capabilities.includes(capability);
  if (/AWS::Serverless-2016-10-31/.test(template) && missing('CAPABILITY_AUTO_EXPAND')) {
    throw insufficientCapabilities('CAPABILITY_AUTO_EXPAND');
  }
  const createsIam = /AWS::IAM::(Role|Policy|ManagedPolicy|User|Group|InstanceProfile|AccessKey)\b/.test(
    template,
  );
  if (createsIam && missing('CAPABILITY_IAM') && missing('CAPABILITY_NAMED_IAM')) {
    throw insufficientCapabilities('CAPABILITY_IAM');
  }
}

const insufficientCapabilities = (capability: string) =>
  new QueryError({
    code: 'InsufficientCapabilitiesException',
    message: `Requires capabilities : [${capability}]`,
  });

// ---- answers -----------------------------------------------------------------------------------

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => XML_ENTITIES[character] ?? character);
}

function element(name: string, innerXml: string): string {
  return `<${name}>${innerXml}</${name}>`;
}

/** A scalar element; nothing at all when the value is absent, as CloudFormation leaves out unset fields. */
function text(name: string, value: string | number | boolean | Date | undefined): string {
  if (value === undefined) return '';
  const rendered = value instanceof Date ? value.toISOString() : String(value);
  return element(name, escapeXml(rendered));
}

/** A Query-protocol list: `<Name><member>…</member>…</Name>`, left out when empty. */
function members<T>(name: string, items: readonly T[], render: (item: T) => string): string {
  if (items.length === 0) return '';
  return element(name, items.map((item) => element('member', render(item))).join(''));
}

function renderInputs(inputs: StackInputs): string {
  const rollback = inputs.rollbackConfiguration;
  return [
    members(
      'Parameters',
      inputs.parameters,
      (parameter) => text('ParameterKey', parameter.key) + text('ParameterValue', parameter.value),
    ),
    members('Capabilities', inputs.capabilities, escapeXml),
    members('Tags', inputs.tags, (tag) => text('Key', tag.key) + text('Value', tag.value)),
    rollback === undefined
      ? ''
      : element(
          'RollbackConfiguration',
          members(
            'RollbackTriggers',
            rollback.triggers,
            (trigger) => text('Arn', trigger.arn) + text('Type', trigger.type),
          ) + text('MonitoringTimeInMinutes', rollback.monitoringMinutes),
        ),
  ].join('');
}

function renderStack(stack: FakeStack): string {
  return [
    text('StackId', stack.id),
    text('StackName', stack.name),
    text('ChangeSetId', stack.lastChangeSetId),
    text('CreationTime', stack.createdAt),
    text('LastUpdatedTime', stack.updatedAt),
    text('StackStatus', stack.status),
    text('StackStatusReason', stack.statusReason),
    text('DisableRollback', false),
    renderInputs(stack.inputs),
    members(
      'Outputs',
      Object.entries(stack.outputs),
      ([key, value]) => text('OutputKey', key) + text('OutputValue', value),
    ),
    text('EnableTerminationProtection', stack.terminationProtection),
    element('DriftInformation', text('StackDriftStatus', 'NOT_CHECKED')),
  ].join('');
}

function renderEvent(stack: FakeStack, event: FakeEvent): string {
  return [
    text('StackId', stack.id),
    text('EventId', event.eventId),
    text('StackName', stack.name),
    text('LogicalResourceId', event.logicalId),
    text('PhysicalResourceId', event.physicalId),
    text('ResourceType', event.resourceType),
    text('Timestamp', event.timestamp),
    text('ResourceStatus', event.status),
    text('ResourceStatusReason', event.reason),
  ].join('');
}

function renderChangeSet(changeSet: FakeChangeSet, physicalIdOf: (logicalId: string) => string): string {
  const computed = changeSet.status === 'CREATE_COMPLETE';
  return [
    text('ChangeSetName', changeSet.name),
    text('ChangeSetId', changeSet.id),
    text('StackId', changeSet.stack.id),
    text('StackName', changeSet.stack.name),
    text('CreationTime', changeSet.createdAt),
    text('ExecutionStatus', changeSet.executionStatus),
    text('Status', changeSet.status),
    text('StatusReason', changeSet.status === 'FAILED' ? changeSet.computed.reason : undefined),
    renderInputs(changeSet.inputs),
    text('IncludeNestedStacks', false),
    // Changes exist only once CloudFormation has computed them.
    computed ? members('Changes', changeSet.changes, (change) => renderChange(change, physicalIdOf)) : '',
  ].join('');
}

function renderChange(change: PlannedChange, physicalIdOf: (logicalId: string) => string): string {
  const modify = change.action === 'Modify';
  return (
    text('Type', 'Resource') +
    element(
      'ResourceChange',
      [
        text('Action', change.action),
        text('LogicalResourceId', change.logicalId),
        modify ? text('PhysicalResourceId', physicalIdOf(change.logicalId)) : '',
        text('ResourceType', change.resourceType),
        // CloudFormation says whether a resource is replaced only for Modify changes.
        modify ? text('Replacement', 'False') : '',
        modify ? members('Scope', ['Properties'], escapeXml) : '',
        modify
          ? members(
              'Details',
              [{ name: 'Code', attribute: 'Properties' }],
              (detail) =>
                element(
                  'Target',
                  text('Attribute', detail.attribute) +
                    text('Name', detail.name) +
                    text('RequiresRecreation', 'Never'),
                ) +
                text('Evaluation', 'Static') +
                text('ChangeSource', 'DirectModification'),
            )
          : '',
      ].join(''),
    )
  );
}
