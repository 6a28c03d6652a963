/** Stops the moto_server this run started (by its process id, never by name); see global-setup.ts. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__MOTO_SERVER__?.stop();
}
