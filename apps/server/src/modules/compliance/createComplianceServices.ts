import type { Database } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import type { Config } from '../../config/Config.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { TokenService } from '../auth/tokenService.ts';
import { operatorService } from '../operators/operatorService.ts';
import { operatorRelyingParty, operatorWebAuthn } from '../operators/operatorWebAuthn.ts';
import { policyService } from '../policy/policyService.ts';
import { riskService } from '../policy/riskService.ts';
import { sessionService } from '../sessions/sessionService.ts';

/**
 * The trust-and-compliance services (issue 6), wired from the foundation's. `createServices` spreads
 * the result into `services`, so other modules call e.g. `services.operators`.
 */
export function createComplianceServices({ config, db, clock, audit, tokens }: { config: Config; db: Database; clock: Clock; audit: AuditLog; tokens: TokenService }) {
  const sessions = sessionService({ db, tokens, clock, refreshTtlS: config.refreshTokenTtlS });
  const policy = policyService({ db, audit, clock });
  const risk = riskService({ db, audit, policy, clock });
  return {
    policy,
    risk,
    operators: operatorService({ db, audit, sessions, tokens, webauthn: operatorWebAuthn(operatorRelyingParty(config.issuer)), clock }),
  };
}
