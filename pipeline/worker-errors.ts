/**
 * A failure inside a worker thread, carried to the main thread without losing its words: a
 * UserError (a file that could not be written because the disk is full …) crosses as its
 * issues and comes back a UserError, said like any other; anything else crosses as its stack.
 */
import type { Issue } from '../core/index.ts';
import { UserError } from './user-error.ts';

export interface WorkerFailure {
  error: string;
  issues?: Issue[];
}

export function toWorkerFailure(e: unknown): WorkerFailure {
  if (e instanceof UserError && e.issues.length) return { error: e.message, issues: [...e.issues] };
  return { error: (e as Error)?.stack ?? String(e) };
}

export function fromWorkerFailure(m: WorkerFailure): Error {
  return m.issues?.length ? new UserError(m.issues) : new Error(m.error);
}
