import { startServer } from './start-server.js';

/**
 * Hosts the app (`npm start`): settings from the environment and, for variables not set there, a
 * `.env` file in the working folder (see `.env.example`). A bad setting or refused credentials end
 * the process with exit code 1 and the reason.
 */
try {
  loadDotEnv();
  const running = await startServer({ env: process.env, cwd: process.cwd() });
  const stop = () => void running.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}

/** Node's own .env parser (Node ≥ 20.12); variables already in the environment win. */
function loadDotEnv(): void {
  try {
    process.loadEnvFile('.env');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
