/** Who did something. `system` is the server itself (jobs, bootstrap). */
export interface AuditActor {
  readonly type: 'client' | 'subject' | 'operator' | 'system';
  readonly id: string | null;
}

/** Values allowed in audit details: never biometric data, never secrets. */
export type AuditDetail = string | number | boolean | null;

/** One event to append to a tenant's audit chain. */
export interface AuditEvent {
  readonly tenantId: string;
  readonly actor: AuditActor;
  /** Dotted action name, e.g. `subject.create`, `face.verify`, `transaction.approve`. */
  readonly action: string;
  /** The subject the event is about; stored only as a keyed pseudonym. */
  readonly subjectId?: string | null | undefined;
  readonly outcome: 'success' | 'failure' | 'denied' | 'error';
  readonly details?: Readonly<Record<string, AuditDetail>> | undefined;
}
