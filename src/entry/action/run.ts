import { runner } from './runner.js';

await runner();
