import { z } from 'zod';
import type { Subject } from './subjectRepository.ts';

export const subjectIdParams = z.object({ subjectId: z.uuid().describe('Subject id (UUID)') }).strict();

export const createSubjectBody = z
  .object({
    externalId: z.string().min(1).max(200).describe("The bank's own identifier for this person"),
    displayName: z.string().min(1).max(200).optional(),
  })
  .strict()
  .meta({ id: 'CreateSubject', example: { externalId: 'customer-123456', displayName: 'Ada Lovelace' } });

export const subjectView = z
  .object({
    id: z.uuid(),
    externalId: z.string(),
    displayName: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Subject' });

export const listSubjectsQuery = z
  .object({
    externalId: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional().describe('Opaque cursor from a previous page'),
  })
  .strict();

/** The public view of a subject. */
export function toSubjectView(s: Subject): z.infer<typeof subjectView> {
  return { id: s.id, externalId: s.externalId, displayName: s.displayName, createdAt: s.createdAt.toISOString() };
}
