import { createServer } from 'node:http';
import { createNodeMiddleware, createProbot } from 'probot';
import { implementationAgentApp } from './app.js';

/** Hosts the app from environment settings (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT). */
const probot = createProbot();
const middleware = await createNodeMiddleware(implementationAgentApp(), { probot });
const port = Number(process.env.PORT ?? 3000);
createServer(middleware).listen(port, () => probot.log.info(`implementation-agent listening on :${port}`));
