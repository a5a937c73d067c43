import { isAuthloopError } from '@authloop/sdk';
import { REFUSED_EXIT, USAGE_EXIT, UsageError } from './UsageError.ts';

/**
 * Runs a command that calls the server and turns failures into a line on stderr and an exit status:
 * {@link UsageError} and the server's 400 answers (its validation of the request) exit 2, other
 * refusals and an unreachable server exit 1. The server's error code leads the line, e.g.
 * `authloop: SUBJECT_NOT_FOUND: Subject not found`, with the request id to quote to support.
 */
export async function runRemote(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`authloop: ${error.message}\n`);
      process.exitCode = USAGE_EXIT;
      return;
    }
    if (isAuthloopError(error)) {
      const request = error.requestId === undefined ? '' : ` (request ${error.requestId})`;
      process.stderr.write(`authloop: ${error.code}: ${error.message}${request}\n`);
      process.exitCode = error.status === 400 ? USAGE_EXIT : REFUSED_EXIT;
      return;
    }
    throw error;
  }
}
