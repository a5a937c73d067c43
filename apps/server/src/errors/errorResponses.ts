import { errorBody } from './errorBody.ts';

/** OpenAPI response entries for the given error statuses, all with the common error body. */
export function errorResponses(...statuses: readonly number[]): Record<number, typeof errorBody> {
  return Object.fromEntries(statuses.map((s) => [s, errorBody]));
}
