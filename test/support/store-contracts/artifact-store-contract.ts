import type { ArtifactStore } from '../../../src/core/stores/artifact-store.js';
import { sha256Hex } from '../../../src/core/stores/sha256-hex.js';
import { freshTaskId } from './task-store-contract.js';

/** What every ArtifactStore promises: exact bytes, content type and sha256, in the bucket's layout. */
export function describeArtifactStoreContract(name: string, make: () => ArtifactStore): void {
  describe(`${name}: ArtifactStore contract`, () => {
    const at = (taskId: string, attempt: number, path: string) => ({
      repo: 'acme/shop',
      taskId,
      attempt,
      path,
    });

    it('keeps text and bytes exactly, with content type, sha256 and size', async () => {
      const store = make();
      const taskId = freshTaskId();
      const report = JSON.stringify({ passed: true });
      const stored = await store.put({ ...at(taskId, 1, 'validation-report.json'), body: report });
      expect(stored).toEqual({
        ...at(taskId, 1, 'validation-report.json'),
        key: `acme/shop/${taskId.split('#')[1]}/1/validation-report.json`,
        contentType: 'application/json',
        sha256: sha256Hex(report),
        bytes: report.length,
        storedPath: true,
      });
      const bytes = Uint8Array.from([0, 255, 1, 254, 10, 13]);
      await store.put({ ...at(taskId, 1, 'code.zip'), body: bytes });

      const read = await store.get(at(taskId, 1, 'validation-report.json'));
      expect(Buffer.from(read!.body).toString('utf8')).toBe(report);
      expect(read).toMatchObject({ sha256: sha256Hex(report), contentType: 'application/json' });
      expect(Array.from((await store.get(at(taskId, 1, 'code.zip')))!.body)).toEqual(Array.from(bytes));
    });

    it('a path a store gave back is read and copied under its key; the same text as a new name gets its own key', async () => {
      const store = make();
      const taskId = freshTaskId();
      const token = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
      const first = await store.put({ ...at(taskId, 1, `files/docs/${token}.md`), body: 'generated\n' });
      const [listed] = await store.list({ repo: 'acme/shop', taskId });
      expect(listed).toMatchObject({ key: first.key, storedPath: true });
      expect((await store.put({ ...listed!, body: 'generated\n' })).key).toBe(first.key);
      const literal = await store.put({ ...at(taskId, 1, first.path), body: 'something else\n' });
      expect(literal.key).not.toBe(first.key);
      const kept = await store.get(listed!);
      expect(Buffer.from(kept!.body).toString('utf8')).toBe('generated\n');
    });

    it('redacts a generated file it is given raw by the file’s path, so a secret only its file type shows never lands', async () => {
      const store = make();
      const taskId = freshTaskId();
      // An npm token in the classic form is a secret only in an .npmrc (secretlint's file-type rule):
      // the store is the one place artifacts are redacted, so it must know the file.
      const npmToken = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';
      const npmrc = `//registry.npmjs.org/:_authToken=${npmToken}\n`;
      await store.put({ ...at(taskId, 1, 'files/.npmrc'), body: npmrc });
      await store.put({ ...at(taskId, 1, 'files/config/.npmrc'), body: new TextEncoder().encode(npmrc) });
      for (const path of ['files/.npmrc', 'files/config/.npmrc']) {
        const text = Buffer.from((await store.get(at(taskId, 1, path)))!.body).toString('utf8');
        expect(text).not.toContain(npmToken);
        expect(text).toContain('[REDACTED:');
      }
    });

    it('answers undefined for an artifact it never stored', async () => {
      expect(await make().get(at(freshTaskId(), 1, 'nothing.txt'))).toBeUndefined();
    });

    it('takes the content type it is given over the one the name suggests', async () => {
      const store = make();
      const taskId = freshTaskId();
      await store.put({ ...at(taskId, 1, 'prompt.txt'), body: '{}', contentType: 'application/json' });
      expect((await store.get(at(taskId, 1, 'prompt.txt')))?.contentType).toBe('application/json');
    });

    it('lists a task’s artifacts (or one attempt’s) by key, nested and oddly named paths included', async () => {
      const store = make();
      const taskId = freshTaskId();
      const paths = ['files/src/app.ts', 'files/docs/café menu.md', 'model-answer.json'];
      for (const path of paths) await store.put({ ...at(taskId, 1, path), body: path });
      await store.put({ ...at(taskId, 2, 'files/src/app.ts'), body: 'second attempt' });
      await store.put({ ...at(freshTaskId(), 1, 'files/src/app.ts'), body: 'another task' });

      const all = await store.list({ repo: 'acme/shop', taskId });
      expect(all.map((artifact) => [artifact.attempt, artifact.path])).toEqual([
        [1, 'files/docs/café menu.md'],
        [1, 'files/src/app.ts'],
        [1, 'model-answer.json'],
        [2, 'files/src/app.ts'],
      ]);
      expect(all[0]).toMatchObject({
        sha256: sha256Hex('files/docs/café menu.md'),
        contentType: 'text/markdown; charset=utf-8',
      });
      const second = await store.list({ repo: 'acme/shop', taskId, attempt: 2 });
      expect(second.map((artifact) => artifact.path)).toEqual(['files/src/app.ts']);
      expect(await store.list({ repo: 'acme/shop', taskId: freshTaskId() })).toEqual([]);
    });

    it('keeps an artifact whose encoded path passes 1,024 bytes, and lists it by its own path', async () => {
      const store = make();
      const taskId = freshTaskId();
      // Each folder name encodes to 270 bytes (over a file name's 255), ten of them to a 2.7 KB key unshortened.
      const folder = 'データ'.repeat(10);
      const long = [
        'files',
        ...Array.from({ length: 10 }, (_, index) => `${folder}${index}`),
        'handler.ts',
      ].join('/');
      const stored = await store.put({ ...at(taskId, 1, long), body: 'deep' });
      expect(Buffer.byteLength(stored.key)).toBeLessThanOrEqual(1024);
      expect(stored.path).toBe(long);
      const read = await store.get(at(taskId, 1, long));
      expect(Buffer.from(read!.body).toString('utf8')).toBe('deep');
      expect((await store.list({ repo: 'acme/shop', taskId })).map((artifact) => artifact.path)).toEqual([
        long,
      ]);
    });

    it('replaces an artifact written again (a re-run of the attempt) with the new bytes', async () => {
      const store = make();
      const taskId = freshTaskId();
      await store.put({ ...at(taskId, 1, 'plan.md'), body: 'first' });
      await store.put({ ...at(taskId, 1, 'plan.md'), body: 'second' });
      const read = await store.get(at(taskId, 1, 'plan.md'));
      expect(Buffer.from(read!.body).toString('utf8')).toBe('second');
    });
  });
}
