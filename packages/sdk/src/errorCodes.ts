/**
 * The server's error codes as a typed union. Type-only: the table lives in the server
 * (`apps/server/src/errors/codes.ts`) and nothing of it reaches the SDK bundle at run time.
 */
export type { ErrorCode } from '../../../apps/server/src/errors/codes.ts';
