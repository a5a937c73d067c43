/**
 * A command line that cannot be run as given (a missing or malformed option). Commands that talk to
 * a server report it on stderr and exit with {@link USAGE_EXIT}, apart from the server's refusals (1).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit status for usage and validation problems (the shell convention for a misused command). */
export const USAGE_EXIT = 2;

/** Exit status when the server refused the request (or could not be reached). */
export const REFUSED_EXIT = 1;
