import {
  IncompleteListError,
  nextPageOf,
  readAllPages,
  readPages,
  type NextPage,
} from '../../src/github/read-all-pages.js';

const API = 'https://api.github.com/repositories/1296269';

/** A list of `total` numbers served `perPage` at a time, linked as GitHub links pages. */
function pagedList(total: number, perPage: number) {
  const asked: NextPage[] = [];
  const fetchPage = async (next: NextPage) => {
    asked.push(next);
    const page = next.page ?? 1;
    const items = Array.from({ length: total }, (_, index) => index + 1).slice(
      (page - 1) * perPage,
      page * perPage,
    );
    const last = Math.ceil(total / perPage);
    const link =
      page < last
        ? `<${API}/deployments?per_page=${perPage}&page=${page + 1}>; rel="next", <${API}/deployments?per_page=${perPage}&page=${last}>; rel="last"`
        : `<${API}/deployments?per_page=${perPage}&page=1>; rel="first", <${API}/deployments?per_page=${perPage}&page=${page - 1}>; rel="prev"`;
    return { items, link: total > perPage ? link : undefined };
  };
  return { fetchPage, asked };
}

describe('nextPageOf', () => {
  it.each([
    [undefined, undefined],
    [`<${API}/x?page=1>; rel="prev", <${API}/x?page=1>; rel="first"`, undefined],
    [`<${API}/x?per_page=100&page=3>; rel="next", <${API}/x?page=9>; rel="last"`, { page: 3 }],
    [`<${API}/x?page=9>; rel="last",<${API}/x?page=2>;rel="next"`, { page: 2 }],
    [
      `<${API}/activity?direction=desc&after=Y3Vyc29yOjEwMA%3D%3D>; rel="next"`,
      { after: 'Y3Vyc29yOjEwMA==' },
    ],
  ])('reads %s as %j', (link, next) => {
    expect(nextPageOf(link)).toEqual(next);
  });

  it('reads a cursor given as before', () => {
    expect(nextPageOf(`<${API}/activity?before=Y3Vyc29y>; rel="next"`)).toEqual({ before: 'Y3Vyc29y' });
  });

  it('refuses a next link it cannot follow rather than end the list early', () => {
    expect(() => nextPageOf(`<${API}/x?since=2>; rel="next"`)).toThrow(IncompleteListError);
  });
});

describe('readAllPages', () => {
  it('follows the links to the last page', async () => {
    const list = pagedList(250, 100);
    const items = await readAllPages({ what: 'numbers', maxPages: 5, fetchPage: list.fetchPage });
    expect(items).toHaveLength(250);
    expect(list.asked).toEqual([{}, { page: 2 }, { page: 3 }]);
  });

  it('reads one page when GitHub sends no link', async () => {
    const list = pagedList(3, 100);
    expect(await readAllPages({ what: 'numbers', maxPages: 1, fetchPage: list.fetchPage })).toEqual([
      1, 2, 3,
    ]);
  });

  it('stops once the items read answer the question', async () => {
    const list = pagedList(500, 100);
    const items = await readAllPages({
      what: 'numbers',
      maxPages: 5,
      fetchPage: list.fetchPage,
      enough: (read) => read.includes(150),
    });
    expect(items).toHaveLength(200);
    expect(list.asked).toHaveLength(2);
  });

  it('refuses to decide on part of a list longer than it reads', async () => {
    const list = pagedList(500, 100);
    await expect(
      readAllPages({ what: 'check runs on abc', maxPages: 2, fetchPage: list.fetchPage }),
    ).rejects.toThrow('GitHub lists more than 2 pages of check runs on abc');
  });

  it('readPages says how far it got instead', async () => {
    const list = pagedList(500, 100);
    const read = await readPages({ maxPages: 2, fetchPage: list.fetchPage });
    expect({ count: read.items.length, complete: read.complete }).toEqual({ count: 200, complete: false });
  });
});
