import type { Transport } from '../Transport.ts';
import type { CreateSubjectInput, ListSubjectsInput, PolicyDecision, PolicyDecisionInput, SessionTokens, Subject, SubjectPage } from '../serverTypes.ts';

const enc = encodeURIComponent;

/** Subjects: the people a tenant authenticates (`/v1/subjects`). */
export function subjectsApi(t: Transport) {
  return {
    /** `POST /v1/subjects` (scope `subjects:write`). `SUBJECT_EXISTS` when the externalId is taken. */
    create: (input: CreateSubjectInput) => t.json<Subject>({ method: 'POST', path: '/v1/subjects', json: input }),
    /** `GET /v1/subjects`: newest first, `limit` 1–200 (default 50); or the one with `externalId`. */
    list: (input: ListSubjectsInput = {}) => t.json<SubjectPage>({ method: 'GET', path: '/v1/subjects', query: { externalId: input.externalId, cursor: input.cursor, limit: typeof input.limit === 'number' ? input.limit : undefined } }),
    /** `GET /v1/subjects/{id}`. `SUBJECT_NOT_FOUND` if it is not in the caller's tenant. */
    get: (subjectId: string) => t.json<Subject>({ method: 'GET', path: `/v1/subjects/${enc(subjectId)}` }),
    /** Finds a subject by the bank's own id, or null. */
    async findByExternalId(externalId: string): Promise<Subject | null> {
      const page = await t.json<SubjectPage>({ method: 'GET', path: '/v1/subjects', query: { externalId } });
      return page.items[0] ?? null;
    },
    /**
     * `POST /v1/subjects/{id}/sessions` (scope `sessions:write`, client tokens only): session tokens
     * for a person the bank has already authenticated; hand them to the person's device.
     */
    startSession: (subjectId: string) => t.json<SessionTokens>({ method: 'POST', path: `/v1/subjects/${enc(subjectId)}/sessions` }),
    /**
     * `POST /v1/subjects/{id}/decisions` (scope `policy:read`, client tokens): what an attempt by this
     * person needs before you make it: the risk score from stored signals (plus `ip`, `deviceId`),
     * then the policy rule that applies (`outcome` allow, step-up or deny; `factors`; `rule`).
     * `amountMinor` is in minor units (1250 = 12.50 EUR).
     */
    decisions: (subjectId: string, input: PolicyDecisionInput) => t.json<PolicyDecision>({ method: 'POST', path: `/v1/subjects/${enc(subjectId)}/decisions`, json: input }),
  };
}

/** The subjects API group. */
export type SubjectsApi = ReturnType<typeof subjectsApi>;
