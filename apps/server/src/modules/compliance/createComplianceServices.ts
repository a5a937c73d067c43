import type { Database } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import type { Config } from '../../config/Config.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import { auditService } from '../audit/auditService.ts';
import type { TokenService } from '../auth/tokenService.ts';
import type { SigningKeyService } from '../keys/signingKeyService.ts';
import { operatorService } from '../operators/operatorService.ts';
import { operatorRelyingParty, operatorWebAuthn } from '../operators/operatorWebAuthn.ts';
import { policyService } from '../policy/policyService.ts';
import { riskService } from '../policy/riskService.ts';
import { consentService } from '../privacy/consentService.ts';
import { registerKnownSubjectData } from '../privacy/knownSubjectData.ts';
import { privacyService } from '../privacy/privacyService.ts';
import { subjectDataRegistry } from '../privacy/subjectDataRegistry.ts';
import { subjectKeyService } from '../privacy/subjectKeyService.ts';
import { sessionService } from '../sessions/sessionService.ts';
import type { TenantKeyService } from '../tenants/tenantKeyService.ts';
import { webhookService } from '../webhooks/webhookService.ts';

/**
 * The trust-and-compliance services (issue 6), wired from the foundation's. `createServices` spreads
 * the result into `services`, so other modules call `services.policy`, `services.risk`,
 * `services.consent`, `services.subjectKeys`, `services.subjectData`, `services.privacy`,
 * `services.operators`, `services.webhooks`.
 */
export function createComplianceServices({ config, db, clock, audit, tokens, tenantKeys, keys }: { config: Config; db: Database; clock: Clock; audit: AuditLog; tokens: TokenService; tenantKeys: TenantKeyService; keys: SigningKeyService }) {
  const auditTrail = auditService({ db, audit, keys, issuer: config.issuer, clock });
  const sessions = sessionService({ db, tokens, clock, refreshTtlS: config.refreshTokenTtlS });
  const policy = policyService({ db, audit, clock });
  const risk = riskService({ db, audit, policy, clock });
  const subjectData = subjectDataRegistry();
  registerKnownSubjectData(subjectData, risk);
  const subjectKeys = subjectKeyService({ db, tenantKeys, clock });
  const consent = consentService({ db, audit, policy, subjectData, clock });
  return {
    policy,
    risk,
    subjectData,
    subjectKeys,
    consent,
    privacy: privacyService({ db, audit, auditTrail, subjectData, subjectKeys, consent, policy, clock }),
    webhooks: webhookService({ db, tenantKeys, audit, clock, allowLoopbackHttp: config.env !== 'production' }),
    operators: operatorService({ db, audit, sessions, tokens, webauthn: operatorWebAuthn(operatorRelyingParty(config.issuer)), clock }),
  };
}
