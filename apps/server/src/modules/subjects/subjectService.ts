import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '@authloop/store';
import type { Database } from '@authloop/store';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import { subjectRepository } from './subjectRepository.ts';
import type { Subject } from './subjectRepository.ts';

/** Subjects: create, read, list, always within one tenant. */
export function subjectService({ db, audit }: { db: Database; audit: AuditLog }) {
  return {
    async create(tenantId: string, input: { externalId: string; displayName?: string | undefined }, actor: AuditActor): Promise<Subject> {
      try {
        return await db.transaction(async (tx) => {
          const subject = await subjectRepository(tx).insert({ id: randomUUID(), tenantId, externalId: input.externalId, displayName: input.displayName ?? null });
          await audit.record(tx, { tenantId, actor, action: 'subject.create', subjectId: subject.id, outcome: 'success' });
          return subject;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('SUBJECT_EXISTS', `A subject with externalId "${input.externalId}" already exists in this tenant.`);
        throw error;
      }
    },
    /** The subject, or SUBJECT_NOT_FOUND (also for another tenant's subject: no existence leak). */
    async get(tenantId: string, id: string): Promise<Subject> {
      const s = await subjectRepository(db).get(tenantId, id);
      if (s === null) throw new AppError('SUBJECT_NOT_FOUND', `No subject ${id} in this tenant.`);
      return s;
    },
    getByExternalId: (tenantId: string, externalId: string) => subjectRepository(db).getByExternalId(tenantId, externalId),
    list: (tenantId: string, page: { limit: number; after?: { createdAt: Date; id: string } | undefined }) => subjectRepository(db).list(tenantId, page),
  };
}

export type SubjectService = ReturnType<typeof subjectService>;
