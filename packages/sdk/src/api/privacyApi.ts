import type { Transport } from '../Transport.ts';
import type { Consent, ErasureReceipt, SubjectExport } from '../serverTypes.ts';

const enc = encodeURIComponent;

/**
 * Privacy rights: consent, export and erasure. `me*` methods and `grantConsent`/`withdrawConsent`
 * for one's own subject work with a person's session (`self`); the rest need `privacy:read` or
 * `privacy:write` (the bank's back end or an operator).
 */
export function privacyApi(t: Transport) {
  return {
    /** `GET /v1/me/export`: everything held about me (metadata, consents, my audit trail; never templates). */
    meExport: () => t.json<SubjectExport>({ method: 'GET', path: '/v1/me/export' }),
    /** `POST /v1/subjects/{id}/consents`: records consent for `purpose` (e.g. `face`) to the notice version shown. */
    grantConsent: (subjectId: string, input: { purpose: string; noticeVersion: string }) => t.json<Consent>({ method: 'POST', path: `/v1/subjects/${enc(subjectId)}/consents`, json: input }),
    /** `DELETE /v1/subjects/{id}/consents/{purpose}`: withdraws it; that modality's biometric data is erased at once. */
    withdrawConsent: (subjectId: string, purpose: string) => t.json<{ withdrawn: boolean; erased: Record<string, number> }>({ method: 'DELETE', path: `/v1/subjects/${enc(subjectId)}/consents/${enc(purpose)}` }),
    /** `GET /v1/subjects/{id}/consents`: every consent record, withdrawn ones included. */
    consents: async (subjectId: string) => (await t.json<{ items: Consent[] }>({ method: 'GET', path: `/v1/subjects/${enc(subjectId)}/consents` })).items,
    /** `GET /v1/subjects/{id}/export`. */
    export: (subjectId: string) => t.json<SubjectExport>({ method: 'GET', path: `/v1/subjects/${enc(subjectId)}/export` }),
    /** `POST /v1/subjects/{id}/erasure`: erases the subject everywhere in one transaction and destroys their key. */
    erase: (subjectId: string) => t.json<ErasureReceipt>({ method: 'POST', path: `/v1/subjects/${enc(subjectId)}/erasure` }),
  };
}

/** The privacy API group. */
export type PrivacyApi = ReturnType<typeof privacyApi>;
