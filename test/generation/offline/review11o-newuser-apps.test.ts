import type { ArtifactBundle } from '../../../src/core/bundle/artifact-bundle.js';
import type { RequirementCoverage } from '../../../src/core/bundle/requirement-coverage.js';
import { loadGenerated } from './generated-modules.js';
import { fileContent, generate, parseBundleTemplate, resourcesOfType } from './offline-test-requests.js';

/**
 * Review 11o, a new-user pass (platform/DevOps engineer, first hour) over issue #11 items 1–2 for the
 * application blueprint, on domains no earlier review used: an IT asset register of laptops ("send a
 * laptop to repair", "Laptops are in stock, assigned, in repair or retired.", "look up a laptop by its
 * serial number"), a change-advisory (CAB) change-request API ("Only the change advisory board can
 * approve a change request.", "a risk level (low, medium or high)", "list high risk change
 * requests"), an animal shelter's adoptions ("a species (dog, cat or rabbit)", "list available
 * animals", "An adopted animal cannot be deleted."), on-call shift swaps ("Notify the engineer on
 * Slack …", "Open swap requests expire after 7 days.", "Keep the API logs for 90 days.") and a TLS
 * certificate inventory ("list certificates expiring in the next 30 days", "Revoked certificates
 * cannot be changed."). Each request is generated offline and driven through the generated handler
 * (create → read back → list → change → move → delete where generated, with the role and caller
 * headers an authorizer would set); the coverage rows are read as the PR body shows them. Attacked:
 * whether the routes act on one resource model, whether each field has the type its words give, and
 * whether each ✅ (and each gap) is what the handler does. Each FAULT test asserts the right answer
 * and is `it.failing` while the fault exists.
 */
const storyRow = (rows: readonly RequirementCoverage[] | undefined, number: number) =>
  rows?.find((row) => row.source.kind === 'story' && row.source.number === number);
const sentenceRow = (rows: readonly RequirementCoverage[] | undefined, sentence: number) =>
  rows?.find((row) => row.source.kind === 'description' && row.source.sentence === sentence);
const gapsOf = (row: RequirementCoverage | undefined) => (row?.gaps ?? []).join(' ');
const itemsOf = (json: Record<string, unknown>) =>
  (json['items'] as Record<string, unknown>[] | undefined) ?? [];
const first = { pathParameters: { id: 'id-1' } };

interface Answer {
  readonly statusCode: number;
  readonly body: string;
}
interface Call {
  readonly pathParameters?: Record<string, string>;
  readonly body?: unknown;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
}
type Send = (routeKey: string, call?: Call) => Promise<Answer & { json: Record<string, unknown> }>;

/**
 * The generated service's handler over its in-memory repository, ids id-1, id-2, … in order; every
 * call carries `headers` (what an authorizer in front would set) unless the call gives its own.
 */
function serviceOf(bundle: ArtifactBundle, headers: Record<string, string> = {}): Send {
  const loaded = loadGenerated(bundle, [
    ['src/app.ts', ['createApp']],
    ['src/item-repository.ts', ['InMemoryItemRepository']],
    ['src/status-events.ts', ['RecordingStatusEvents']],
    ['src/notifications.ts', ['RecordingNotifications']],
  ]);
  const Repository = loaded['InMemoryItemRepository'] as new () => unknown;
  const Events = loaded['RecordingStatusEvents'] as new () => unknown;
  const Notices = loaded['RecordingNotifications'] as new () => unknown;
  const createApp = loaded['createApp'] as (
    deps: Record<string, unknown>,
  ) => (event: Record<string, unknown>) => Promise<Answer>;
  let next = 0;
  const app = createApp({
    repository: new Repository(),
    newId: () => `id-${String((next += 1))}`,
    now: () => new Date('2026-11-30T10:00:00Z'),
    statusEvents: new Events(),
    notifications: new Notices(),
    log: () => undefined,
  });
  return async (routeKey, call = {}) => {
    const answer = await app({
      routeKey,
      pathParameters: call.pathParameters,
      queryStringParameters: call.query,
      headers: call.headers ?? headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
    const json = answer.body === '' ? {} : (JSON.parse(answer.body) as Record<string, unknown>);
    return { ...answer, json };
  };
}

const assetRegister = {
  taskType: 'application' as const,
  taskName: 'IT asset register',
  strategy: 'canary' as const,
  description:
    'An API to track company laptops. Each laptop has a serial number, a model, a purchase date and an assignee. Laptops are in stock, assigned, in repair or retired. A retired laptop cannot be assigned. Publish an event when a laptop is retired. Keep the table backed up with point-in-time recovery.',
  stories: [
    'As an IT admin I can register a laptop',
    'As an IT admin I can assign a laptop to an employee',
    'As an IT admin I can send a laptop to repair',
    'As an IT admin I can retire a laptop',
    'As an employee I can list laptops assigned to me',
    'As an IT admin I can look up a laptop by its serial number',
    'As an IT admin I can list laptops in repair',
  ],
};
const aLaptop = { serialNumber: 'C02XK1', model: 'MacBook Pro 14', purchaseDate: '2026-03-01T00:00:00Z' };
const itAdmin = { 'x-caller-roles': 'admin', 'x-caller-id': 'it-1' };

describe('review 11o: an IT asset register', () => {
  it('registers (403 without the admin role) → reads back (purchase date in UTC) → assigns to an employee (400 without an assignee), who lists it with ?assignee=me → looks it up by serial number → retires it, publishing the move', async () => {
    const { bundle } = await generate(assetRegister);
    const send = serviceOf(bundle, itAdmin);
    expect((await send('POST /laptops', { body: aLaptop, headers: {} })).statusCode).toBe(403);
    const made = await send('POST /laptops', { body: aLaptop });
    expect(made.statusCode).toBe(201);
    expect(made.json['status']).toBe('in_stock');
    expect((await send('GET /laptops/{id}', first)).json['purchaseDate']).toBe('2026-03-01T00:00:00.000Z');
    expect((await send('POST /laptops/{id}/assign', { ...first, body: {} })).statusCode).toBe(400);
    const assigned = await send('POST /laptops/{id}/assign', { ...first, body: { assignee: 'emp-42' } });
    expect(assigned.json).toMatchObject({ status: 'assigned', assignee: 'emp-42' });
    const mine = await send('GET /laptops', {
      query: { assignee: 'me' },
      headers: { 'x-caller-id': 'emp-42' },
    });
    expect(itemsOf(mine.json).map((item) => item['id'])).toEqual(['id-1']);
    const bySerial = await send('GET /laptops', { query: { serialNumber: 'C02XK1' } });
    expect(itemsOf(bySerial.json)).toHaveLength(1);
    expect(itemsOf((await send('GET /laptops', { query: { serialNumber: 'nope' } })).json)).toHaveLength(0);
    expect((await send('POST /laptops/{id}/retire', first)).json['status']).toBe('retired');
    expect(sentenceRow(bundle.coverage, 5)?.status).toBe('covered');
    expect(fileContent(bundle, 'src/model.ts')).toContain("statusEventType: 'LaptopStatusChanged'");
  });

  it('"Keep the table backed up with point-in-time recovery." is credited to a table that has it, cited by the generated template test', async () => {
    const { bundle } = await generate(assetRegister);
    const [[, table] = ['', { Type: '' }]] = resourcesOfType(
      parseBundleTemplate(bundle),
      'AWS::DynamoDB::Table',
    );
    expect(table.Properties?.['PointInTimeRecoverySpecification']).toEqual({
      PointInTimeRecoveryEnabled: true,
    });
    const row = sentenceRow(bundle.coverage, 6);
    expect(row?.status).toBe('covered');
    expect(row?.tests.map((test) => test.title).join(' ')).toMatch(/point-in-time recovery/);
  });

  it('FAULT: "A retired laptop cannot be assigned." is ✅ covered (by the assign and retire routes and their tests), yet POST /laptops/{id}/assign on a retired laptop answers 200 and hands it to someone new: `retired` is not final and no guard refuses assign from it — as the row claims, assign from retired answers 409 and leaves the laptop as it was', async () => {
    const { bundle } = await generate(assetRegister);
    const send = serviceOf(bundle, itAdmin);
    await send('POST /laptops', { body: aLaptop });
    await send('POST /laptops/{id}/assign', { ...first, body: { assignee: 'emp-42' } });
    await send('POST /laptops/{id}/retire', first);
    const again = await send('POST /laptops/{id}/assign', { ...first, body: { assignee: 'emp-43' } });
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('covered');
    expect(again.statusCode).toBe(409);
    expect((await send('GET /laptops/{id}', first)).json).toMatchObject({
      status: 'retired',
      assignee: 'emp-42',
    });
  });

  it('FAULT: "send a laptop to repair", where "Laptops are in stock, assigned, in repair or retired.", is ❌ not covered ("`sent` is not one of them"), so no route reaches the listed `in_repair` and "list laptops in repair" filters nothing — sending to repair is a move to `in_repair` (POST /laptops/{id}/…) that GET /laptops?status=in_repair then lists', async () => {
    const { bundle } = await generate(assetRegister);
    const send = serviceOf(bundle, itAdmin);
    await send('POST /laptops', { body: aLaptop });
    await send('POST /laptops', { body: { ...aLaptop, serialNumber: 'C02XK2' } });
    expect(storyRow(bundle.coverage, 3)?.status).not.toBe('not_covered');
    const implementedBy = storyRow(bundle.coverage, 3)?.implementedBy ?? '';
    const route = /POST \/laptops\/\{id\}\/([a-z-]+)/.exec(implementedBy)?.[1] ?? 'repair';
    const moved = await send(`POST /laptops/{id}/${route}`, first);
    expect(moved.json['status']).toBe('in_repair');
    const inRepair = await send('GET /laptops', { query: { status: 'in_repair' } });
    expect(inRepair.statusCode).toBe(200);
    expect(itemsOf(inRepair.json).map((item) => item['id'])).toEqual(['id-1']);
  });
});

const changeRequests = {
  taskType: 'application' as const,
  taskName: 'Change requests',
  strategy: 'linear' as const,
  description:
    'A change management API for the platform team. Each change request has a title, a risk level (low, medium or high), a planned start time and a rollback plan. Change requests are draft, submitted, approved, rejected or implemented. Only the change advisory board can approve a change request. Notify the requester by email when a change request is approved. A rejected change request cannot be edited.',
  stories: [
    'As an engineer I can create a change request',
    'As an engineer I can submit a draft change request',
    'As a CAB member I can approve a change request',
    'As a CAB member I can reject a change request with a reason',
    'As an engineer I can mark a change request as implemented',
    'As a CAB member I can list submitted change requests',
    'As an engineer I can list high risk change requests',
  ],
};
const aChange = {
  title: 'Rotate the RDS master password',
  riskLevel: 'medium',
  startTime: '2026-12-02T22:00:00+01:00',
  rollbackPlan: 'restore the previous secret version',
};

describe('review 11o: CAB change requests', () => {
  it('creates a draft (risk level only low, medium or high; start time stored in UTC) → submits it (only from draft) → lists submitted ones → approves it, emailing through the notification topic → marks it implemented; reject needs a reason and is final', async () => {
    const { bundle } = await generate(changeRequests);
    const send = serviceOf(bundle, { 'x-caller-roles': 'change-advisory-board' });
    expect(
      (await send('POST /change-requests', { body: { ...aChange, riskLevel: 'extreme' } })).statusCode,
    ).toBe(400);
    const made = await send('POST /change-requests', { body: aChange });
    expect(made.statusCode).toBe(201);
    expect(made.json).toMatchObject({ status: 'draft', startTime: '2026-12-02T21:00:00.000Z' });
    expect((await send('POST /change-requests/{id}/submit', first)).json['status']).toBe('submitted');
    expect((await send('POST /change-requests/{id}/submit', first)).statusCode).toBe(409);
    const submitted = await send('GET /change-requests', { query: { status: 'submitted' } });
    expect(itemsOf(submitted.json).map((item) => item['id'])).toEqual(['id-1']);
    expect((await send('GET /change-requests', { query: { status: 'shipped' } })).statusCode).toBe(400);
    expect((await send('POST /change-requests/{id}/approve', first)).json['status']).toBe('approved');
    expect((await send('POST /change-requests/{id}/implement', first)).json['status']).toBe('implemented');
    await send('POST /change-requests', { body: aChange });
    const second = { pathParameters: { id: 'id-2' } };
    expect((await send('POST /change-requests/{id}/reject', second)).statusCode).toBe(400);
    const rejected = await send('POST /change-requests/{id}/reject', {
      ...second,
      body: { reason: 'no window' },
    });
    expect(rejected.json).toMatchObject({ status: 'rejected', reason: 'no window' });
    expect((await send('POST /change-requests/{id}/submit', second)).statusCode).toBe(409);
    const notice = sentenceRow(bundle.coverage, 5);
    expect(notice?.status).toBe('covered');
    const [[, topic] = ['', { Type: '' }]] = resourcesOfType(
      parseBundleTemplate(bundle),
      'AWS::SNS::Subscription',
    );
    expect(topic.Properties?.['Protocol']).toBe('email');
  });

  it('"Only the change advisory board can approve …" is never ✅ on a role check that trusts a header: partial, saying the roles come from x-caller-roles (fix14d: it used to be ❌ and restrict nothing)', async () => {
    const { bundle } = await generate(changeRequests);
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('partial');
    expect(gapsOf(sentenceRow(bundle.coverage, 4))).toMatch(/x-caller-roles/);
    expect(sentenceRow(bundle.coverage, 4)?.implementedBy).toMatch(/change-advisory-board/);
  });

  it('FAULT: "list high risk change requests", where each change request has "a risk level (low, medium or high)", filters nothing (the row: "high" shaped nothing) — as `high priority tickets` → ?priority=, it is GET /change-requests?riskLevel=high, only those', async () => {
    const { bundle } = await generate(changeRequests);
    const send = serviceOf(bundle);
    await send('POST /change-requests', { body: aChange });
    await send('POST /change-requests', { body: { ...aChange, riskLevel: 'high' } });
    const high = await send('GET /change-requests', { query: { riskLevel: 'high' } });
    expect(itemsOf(high.json).map((item) => item['id'])).toEqual(['id-2']);
    expect(storyRow(bundle.coverage, 7)?.status).toBe('covered');
  });

  it('FAULT: "Only the change advisory board can approve a change request." restricts nothing (❌ "nothing was generated for this"): the README promises that after `only` any role noun restricts the route its verb and noun name, as "Only finance can approve a report." does — POST /change-requests/{id}/approve answers 403 unless x-caller-roles names the board', async () => {
    const { bundle } = await generate(changeRequests);
    const send = serviceOf(bundle);
    await send('POST /change-requests', { body: aChange });
    await send('POST /change-requests/{id}/submit', first);
    expect((await send('POST /change-requests/{id}/approve', { ...first, headers: {} })).statusCode).toBe(
      403,
    );
  });

  it('fixed FAULT: "A rejected change request cannot be edited." is partial with the gap "no route changes a change request, so nothing is refused", though every move out of a rejected change request answers 409 (rejected is final) — a gap says nothing the handler contradicts', async () => {
    const { bundle } = await generate(changeRequests);
    const send = serviceOf(bundle);
    await send('POST /change-requests', { body: aChange });
    await send('POST /change-requests/{id}/reject', { ...first, body: { reason: 'no window' } });
    expect((await send('POST /change-requests/{id}/submit', first)).statusCode).toBe(409);
    expect(gapsOf(sentenceRow(bundle.coverage, 6))).not.toMatch(/nothing is refused/);
  });
});

const shelter = {
  taskType: 'application' as const,
  taskName: 'Shelter adoptions',
  description:
    'An API for our animal shelter. Each animal has a name, a species (dog, cat or rabbit), an age in months and whether it is vaccinated. Animals are available, reserved or adopted. An adopted animal cannot be deleted. Email the adoption team when an animal is reserved.',
  stories: [
    'As a volunteer I can add an animal',
    'As a visitor I can list available animals',
    'As a visitor I can list animals by species',
    'As a visitor I can reserve an animal',
    'As a volunteer I can mark an animal as adopted',
    'As a volunteer I can update the age of an animal',
    'As an admin I can delete an animal',
  ],
};
const anAnimal = { name: 'Biscuit', age: 14, vaccinated: true };

describe('review 11o: animal shelter adoptions', () => {
  it('adds → reads back → changes the age (a number; "14 months" refused) → reserves (noticed) → adopts; an adopted animal is never deleted (409), an available one is, by an admin only', async () => {
    const { bundle } = await generate(shelter);
    const send = serviceOf(bundle, { 'x-caller-roles': 'admin' });
    const made = await send('POST /animals', { body: anAnimal });
    expect(made.statusCode).toBe(201);
    expect(made.json['status']).toBe('available');
    expect((await send('GET /animals/{id}', first)).json['vaccinated']).toBe(true);
    expect((await send('PATCH /animals/{id}', { ...first, body: { age: '14 months' } })).statusCode).toBe(
      400,
    );
    expect((await send('PATCH /animals/{id}', { ...first, body: { age: 15 } })).json['age']).toBe(15);
    expect((await send('POST /animals/{id}/reserve', first)).json['status']).toBe('reserved');
    expect((await send('POST /animals/{id}/adopt', first)).json['status']).toBe('adopted');
    expect((await send('DELETE /animals/{id}', first)).statusCode).toBe(409);
    expect((await send('GET /animals/{id}', first)).statusCode).toBe(200);
    await send('POST /animals', { body: anAnimal });
    const second = { pathParameters: { id: 'id-2' } };
    expect((await send('DELETE /animals/{id}', { ...second, headers: {} })).statusCode).toBe(403);
    expect((await send('DELETE /animals/{id}', second)).statusCode).toBe(204);
    expect((await send('GET /animals/{id}', second)).statusCode).toBe(404);
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('covered');
    expect(sentenceRow(bundle.coverage, 5)?.status).toBe('covered');
  });

  it('FAULT: "a species (dog, cat or rabbit)" is read as a list `species` of at least one entry (the singular `a species` taken for a plural), so its listed values are dropped, {"species":"dog"} is refused with 400 and ["tiger"] accepted — it is the text field `species`, only dog, cat or rabbit', async () => {
    const { bundle } = await generate(shelter);
    const send = serviceOf(bundle);
    expect((await send('POST /animals', { body: { ...anAnimal, species: 'dog' } })).statusCode).toBe(201);
    expect((await send('POST /animals', { body: { ...anAnimal, species: ['tiger'] } })).statusCode).toBe(400);
    expect((await send('POST /animals', { body: { ...anAnimal, species: 'tiger' } })).statusCode).toBe(400);
  });

  it('FAULT: "list available animals", where "Animals are available, reserved or adopted.", filters nothing (partial: "available" shaped nothing), though `available` is the first status the description lists — as `list open tickets` → ?status=open, it is GET /animals?status=available, which leaves out reserved and adopted animals', async () => {
    const { bundle } = await generate(shelter);
    const send = serviceOf(bundle);
    await send('POST /animals', { body: anAnimal });
    await send('POST /animals', { body: anAnimal });
    await send('POST /animals/{id}/reserve', first);
    const available = await send('GET /animals', { query: { status: 'available' } });
    expect(itemsOf(available.json).map((item) => item['id'])).toEqual(['id-2']);
    expect(storyRow(bundle.coverage, 2)?.status).toBe('covered');
  });
});

const oncallSwaps = {
  taskType: 'application' as const,
  taskName: 'On-call swaps',
  strategy: 'all-at-once' as const,
  description:
    'A service for on-call engineers to swap shifts. Each swap request belongs to an engineer and has a shift date, a rotation name and a note of at most 200 characters. Swap requests are open, accepted, declined or withdrawn. Open swap requests expire after 7 days. Notify the engineer on Slack when a swap request is accepted. Keep the API logs for 90 days.',
  stories: [
    'As an engineer I can request a swap',
    'As an engineer I can list open swap requests',
    'As an engineer I can accept a swap request',
    'As an engineer I can decline a swap request with a reason',
    'As an engineer I can withdraw my swap request',
    'As an engineer I can list swap requests by rotation name',
  ],
};
const aSwap = {
  engineerId: 'eng-3',
  shiftDate: '2026-12-24T09:00:00Z',
  rotationName: 'platform-primary',
  note: 'family dinner',
};

describe('review 11o: on-call shift swaps', () => {
  it('"request a swap" makes a swap request (one resource, engineerId required, note of at most 200 characters) → lists open ones and by rotation name → accepts one, declines another with a reason, withdraws a third; declined and withdrawn are final', async () => {
    const { bundle } = await generate(oncallSwaps);
    expect(fileContent(bundle, 'src/model.ts')).not.toMatch(/collection: 'swaps'/);
    const send = serviceOf(bundle);
    const { engineerId: _omitted, ...noEngineer } = aSwap;
    expect((await send('POST /swap-requests', { body: noEngineer })).statusCode).toBe(400);
    expect(
      (await send('POST /swap-requests', { body: { ...aSwap, note: 'x'.repeat(201) } })).statusCode,
    ).toBe(400);
    for (let made = 0; made < 3; made += 1)
      expect((await send('POST /swap-requests', { body: aSwap })).json['status']).toBe('open');
    await send('POST /swap-requests', { body: { ...aSwap, rotationName: 'data-secondary' } });
    const byRotation = await send('GET /swap-requests', { query: { rotationName: 'data-secondary' } });
    expect(itemsOf(byRotation.json).map((item) => item['id'])).toEqual(['id-4']);
    expect((await send('POST /swap-requests/{id}/accept', first)).json['status']).toBe('accepted');
    expect(
      (await send('POST /swap-requests/{id}/decline', { pathParameters: { id: 'id-2' } })).statusCode,
    ).toBe(400);
    const declined = await send('POST /swap-requests/{id}/decline', {
      pathParameters: { id: 'id-2' },
      body: { reason: 'on leave' },
    });
    expect(declined.json).toMatchObject({ status: 'declined', reason: 'on leave' });
    expect(
      (await send('POST /swap-requests/{id}/withdraw', { pathParameters: { id: 'id-3' } })).json['status'],
    ).toBe('withdrawn');
    expect(
      (await send('POST /swap-requests/{id}/accept', { pathParameters: { id: 'id-3' } })).statusCode,
    ).toBe(409);
    const open = await send('GET /swap-requests', { query: { status: 'open' } });
    expect(itemsOf(open.json).map((item) => item['id'])).toEqual(['id-4']);
  });

  it('the rows say what is not done: Slack is not sent (a topic is no message to a person), nothing expires open requests after 7 days; the 90 days of log retention asked is the LogRetentionDays default (fix15f), so that row is covered', async () => {
    const { bundle } = await generate(oncallSwaps);
    expect(sentenceRow(bundle.coverage, 5)?.status).toBe('partial');
    expect(gapsOf(sentenceRow(bundle.coverage, 5))).toMatch(/Slack/);
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('partial');
    expect(gapsOf(sentenceRow(bundle.coverage, 4))).toMatch(/nothing expires/);
    const template = parseBundleTemplate(bundle);
    const retention = resourcesOfType(template, 'AWS::Logs::LogGroup').map(
      ([, group]) => group.Properties?.['RetentionInDays'],
    );
    expect(retention.every((days) => JSON.stringify(days) === '{"Ref":"LogRetentionDays"}')).toBe(true);
    expect(template.Parameters?.['LogRetentionDays']?.['Default']).toBe(90);
    expect(sentenceRow(bundle.coverage, 6)?.status).toBe('covered');
  });
});

const certificates = {
  taskType: 'application' as const,
  taskName: 'Certificate inventory',
  description:
    'Track TLS certificates across our AWS accounts. Each certificate has a domain name, an issuer, an expiry date and a list of hosts. Certificates are active, renewing or revoked. Email the platform team 30 days before a certificate expires. Revoked certificates cannot be changed.',
  stories: [
    'As a platform engineer I can register a certificate',
    'As a platform engineer I can list certificates expiring in the next 30 days',
    'As a platform engineer I can list certificates by issuer',
    'As a platform engineer I can revoke a certificate',
    'As a platform engineer I can see how many certificates are active',
    'As a platform engineer I can update the expiry date of a certificate',
  ],
};
const aCertificate = {
  domainName: 'api.example.com',
  issuer: 'Amazon',
  expiryDate: '2027-01-15T00:00:00Z',
  hosts: ['alb-1', 'alb-2'],
};

describe('review 11o: a TLS certificate inventory', () => {
  it('registers → lists by issuer → counts the active ones → updates the expiry date → revokes it, after which PATCH answers 409 and the count of active ones drops; the 30-days-before email is ❌ not covered, saying nothing runs over time', async () => {
    const { bundle } = await generate(certificates);
    const send = serviceOf(bundle);
    expect((await send('POST /certificates', { body: { ...aCertificate, hosts: 'alb-1' } })).statusCode).toBe(
      400,
    );
    expect((await send('POST /certificates', { body: aCertificate })).json['status']).toBe('active');
    await send('POST /certificates', { body: { ...aCertificate, issuer: "Let's Encrypt" } });
    const byIssuer = await send('GET /certificates', { query: { issuer: 'Amazon' } });
    expect(itemsOf(byIssuer.json).map((item) => item['id'])).toEqual(['id-1']);
    expect((await send('GET /certificates/count', { query: { status: 'active' } })).json['count']).toBe(2);
    const renewed = await send('PATCH /certificates/{id}', {
      ...first,
      body: { expiryDate: '2027-04-15T00:00:00Z' },
    });
    expect(renewed.json['expiryDate']).toBe('2027-04-15T00:00:00.000Z');
    expect((await send('POST /certificates/{id}/revoke', first)).json['status']).toBe('revoked');
    expect((await send('PATCH /certificates/{id}', { ...first, body: { issuer: 'x' } })).statusCode).toBe(
      409,
    );
    expect((await send('GET /certificates/count', { query: { status: 'active' } })).json['count']).toBe(1);
    expect(sentenceRow(bundle.coverage, 5)?.status).toBe('covered');
    expect(sentenceRow(bundle.coverage, 4)?.status).toBe('not_covered');
  });

  it('FAULT: "list certificates expiring in the next 30 days" makes a second resource `expiring` (collection `expirings`, no fields, its own POST /expirings) and credits the story to GET /expirings, which never holds a certificate — a time filter is listed as not covered and never read as a resource, as the README says of `orders placed this week`', async () => {
    const { bundle } = await generate(certificates);
    expect(fileContent(bundle, 'src/model.ts')).not.toMatch(/collection: 'expirings'/);
    expect(storyRow(bundle.coverage, 2)?.implementedBy ?? '').not.toContain('/expirings');
    const send = serviceOf(bundle);
    await send('POST /certificates', { body: aCertificate });
    expect((await send('GET /expirings')).statusCode).toBe(404);
  });
});

const postmortems = {
  taskType: 'application' as const,
  taskName: 'Incident postmortems',
  description:
    'A postmortem API for our SRE team. Each postmortem has a title, a severity (sev1, sev2 or sev3), a summary and an incident date. Postmortems are draft, in review or published. Each action item belongs to a postmortem and has an owner and a due date. Deleting a postmortem is not allowed while it has action items. Only published postmortems can be shared.',
  stories: [
    'As an SRE I can write a postmortem',
    'As an SRE I can add an action item to a postmortem',
    'As an SRE I can list the action items of a postmortem',
    'As an SRE I can complete an action item',
    'As a reviewer I can publish a postmortem',
    'As an SRE I can list postmortems by severity',
    'As an SRE I can delete a postmortem',
  ],
};
const aPostmortem = {
  title: 'Checkout outage',
  severity: 'sev2',
  summary: 'expired TLS certificate',
  incidentDate: '2026-11-28T14:05:00Z',
};

describe('review 11o: incident postmortems with action items', () => {
  it('writes a draft → adds an action item under it (404 under a missing one) → lists its items → completes the item → publishes → lists by severity; a postmortem with items is never deleted (409), one without is', async () => {
    const { bundle } = await generate(postmortems);
    const send = serviceOf(bundle);
    expect((await send('POST /postmortems', { body: { ...aPostmortem, severity: 'sev0' } })).statusCode).toBe(
      400,
    );
    expect((await send('POST /postmortems', { body: aPostmortem })).json['status']).toBe('draft');
    const missing = {
      pathParameters: { id: 'nope' },
      body: { owner: 'sre-1', dueDate: '2026-12-15T00:00:00Z' },
    };
    expect((await send('POST /postmortems/{id}/action-items', missing)).statusCode).toBe(404);
    const item = await send('POST /postmortems/{id}/action-items', {
      ...first,
      body: { owner: 'sre-1', dueDate: '2026-12-15T00:00:00Z' },
    });
    expect(item.statusCode).toBe(201);
    expect(item.json['postmortemId']).toBe('id-1');
    const items = await send('GET /postmortems/{id}/action-items', first);
    expect(itemsOf(items.json).map((entry) => entry['id'])).toEqual(['id-2']);
    const done = await send('POST /action-items/{id}/complete', { pathParameters: { id: 'id-2' } });
    expect(done.json['status']).toBe('completed');
    expect((await send('POST /postmortems/{id}/publish', first)).json['status']).toBe('published');
    await send('POST /postmortems', { body: { ...aPostmortem, severity: 'sev1' } });
    const sev1 = await send('GET /postmortems', { query: { severity: 'sev1' } });
    expect(itemsOf(sev1.json).map((entry) => entry['id'])).toEqual(['id-3']);
    expect((await send('DELETE /postmortems/{id}', first)).statusCode).toBe(409);
    expect((await send('DELETE /postmortems/{id}', { pathParameters: { id: 'id-3' } })).statusCode).toBe(204);
    expect(sentenceRow(bundle.coverage, 5)?.status).toBe('covered');
    expect(gapsOf(sentenceRow(bundle.coverage, 3))).toMatch(/in review/);
  });

  it('FAULT: "Only published postmortems can be shared." is ✅ covered by "POST /postmortems/{id}/publish moves a postmortem to published", though no route shares a postmortem and nothing refuses sharing a draft — a rule guarding a route that was not generated is partial (as "Declined ideas cannot receive votes." is), never ✅', async () => {
    const { bundle } = await generate(postmortems);
    expect(fileContent(bundle, 'src/routes.ts')).not.toMatch(/share/);
    expect(sentenceRow(bundle.coverage, 6)?.status).not.toBe('covered');
  });
});
