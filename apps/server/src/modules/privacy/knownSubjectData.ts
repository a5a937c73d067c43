import type { RiskService } from '../policy/riskService.ts';
import { tableSource } from './subjectDataRegistry.ts';
import type { SubjectDataRegistry } from './subjectDataRegistry.ts';

/**
 * Registers the subject data of the modules that exist today, so export and erasure cover them
 * from day one. Owners may move their entry into their own module (same name replaces it).
 * Excluded columns are templates, vectors, sealed blobs, public keys and signed artefacts.
 */
export function registerKnownSubjectData(registry: SubjectDataRegistry, risk: RiskService): void {
  // Face (0100): templates are sealed; export metadata only.
  registry.register(tableSource({ table: 'face_templates', category: 'biometric', modality: 'face', exclude: ['search_vector', 'sealed'] }));
  registry.register(tableSource({ table: 'face_lockouts', category: 'risk', modality: 'face' }));
  // Passkeys (0200).
  registry.register(tableSource({ table: 'passkey_credentials', category: 'credential', exclude: ['public_key'] }));
  registry.register(tableSource({ table: 'passkey_users', category: 'credential' }));
  // Transactions (0201): the signed artefact stays with the bank; export the rest.
  registry.register(tableSource({ table: 'transactions', category: 'transaction', exclude: ['artifact'] }));
  // Liveness (0400): captured mesh and template are sealed; export outcomes only.
  registry.register(tableSource({ table: 'liveness_sessions', category: 'biometric', modality: 'face', exclude: ['mesh_enc', 'template_enc', 'template_hash', 'nonce', 'ticket_hash'] }));
  // Issue 6 tables.
  registry.register(tableSource({ table: 'auth_attempts', category: 'risk' }));
  registry.register(tableSource({ table: 'factor_locks', category: 'risk' }));
  registry.register(tableSource({ table: 'consents', category: 'other' }));
  registry.register(tableSource({ name: 'sessions', table: 'refresh_tokens', subjectColumn: 'principal_id', category: 'session', exclude: ['token_hash'] }));
  // Face lockouts are re-enabled together with the policy locks.
  risk.onUnlock(async (tx, tenantId, subjectId, factor) => {
    if (factor === null || factor === 'face') await tx.query('DELETE FROM face_lockouts WHERE tenant_id = $1 AND subject_id = $2', [tenantId, subjectId]);
  });
}
