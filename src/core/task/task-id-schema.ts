import { z } from 'zod';

/**
 * The longest task id, in characters. A GitHub task is `owner/repo#issue`: an account name has at
 * most 39 characters and a repository name at most 100 (GitHub Docs, "About your personal account"
 * / "Creating a new repository"; the API refuses longer), an issue number at most 10 digits, so the
 * longest is 39 + 1 + 100 + 1 + 10 = 151. A CLI task (`local/<repo folder>#<branch's last
 * segment>`) is shortened to fit (`localTaskId`). The same cap holds in the status marker, the
 * record, its events and the lifecycle events, so an id one of them takes every other takes too.
 */
export const MAX_TASK_ID_LENGTH = 200;

/** A task id as every record, event and marker carries it. */
export const taskIdSchema = z.string().min(1).max(MAX_TASK_ID_LENGTH);
