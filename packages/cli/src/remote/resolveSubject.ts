import { AuthloopError, isAuthloopError } from '@authloop/sdk';
import type { AuthloopClient } from '@authloop/sdk';
import { z } from 'zod';

const uuid = z.uuid();

/**
 * The subject id for `--subject`: a UUID is taken as the subject's id, anything else as the bank's
 * own `externalId`, looked up with `GET /v1/subjects?externalId=` (scope `subjects:read`). Also
 * looks a UUID up as an externalId when no subject has that id, so banks whose customer numbers are
 * UUIDs can use them. A client without `subjects:read` can still pass a subject id: it is used as
 * given and the server checks it. Throws `SUBJECT_NOT_FOUND` when neither matches.
 */
export async function resolveSubject(client: AuthloopClient, subject: string): Promise<string> {
  if (uuid.safeParse(subject).success) {
    try {
      return (await client.subjects.get(subject)).id;
    } catch (error) {
      if (isAuthloopError(error, 'INSUFFICIENT_SCOPE')) return subject;
      if (!isAuthloopError(error, 'SUBJECT_NOT_FOUND')) throw error;
    }
  }
  const found = await client.subjects.findByExternalId(subject);
  if (found === null) throw new AuthloopError({ code: 'SUBJECT_NOT_FOUND', message: `No subject has the id or externalId "${subject}" in this tenant.`, status: 404 });
  return found.id;
}
