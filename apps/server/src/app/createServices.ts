import { activityService } from '../modules/activity/activityService.ts';
import { auditLog } from '../modules/audit/auditLog.ts';
import { auditService } from '../modules/audit/auditService.ts';
import { tokenService } from '../modules/auth/tokenService.ts';
import { principalStatus } from '../modules/auth/principalStatus.ts';
import { clientService } from '../modules/clients/clientService.ts';
import { createComplianceServices } from '../modules/compliance/createComplianceServices.ts';
import { faceService } from '../modules/face/faceService.ts';
import { signingKeyRepository } from '../modules/keys/signingKeyRepository.ts';
import { signingKeyService } from '../modules/keys/signingKeyService.ts';
import { lazyAnalyzer } from '../modules/liveness/lazyAnalyzer.ts';
import { livenessService } from '../modules/liveness/livenessService.ts';
import { databaseChallengeStore } from '../modules/passkeys/databaseChallengeStore.ts';
import { passkeyService } from '../modules/passkeys/passkeyService.ts';
import { passkeyDefaultsFor } from '../modules/passkeys/passkeySettings.ts';
import { redisChallengeStore } from '../modules/passkeys/redisChallengeStore.ts';
import { sessionService } from '../modules/sessions/sessionService.ts';
import { subjectService } from '../modules/subjects/subjectService.ts';
import { tenantKeyService } from '../modules/tenants/tenantKeyService.ts';
import { enrolledFaceTemplate } from '../modules/transactions/enrolledFaceTemplate.ts';
import { livenessFaceFactor } from '../modules/transactions/livenessFaceFactor.ts';
import { transactionService } from '../modules/transactions/transactionService.ts';
import { tenantService } from '../modules/tenants/tenantService.ts';
import type { AppDeps } from './AppDeps.ts';

/**
 * Wires the domain services from explicit dependencies. Used by the HTTP app and by the CLI, so
 * both go through the same rules (transactions, audit).
 */
export async function createServices(deps: Pick<AppDeps, 'config' | 'db' | 'masterKey' | 'clock' | 'redis' | 'engine' | 'livenessAnalyzer'>) {
  const { config, db, masterKey, clock } = deps;
  const keys = signingKeyService({ repo: signingKeyRepository(db), masterKey, clock });
  await keys.init();
  const tenantKeys = tenantKeyService({ db, masterKey });
  const audit = auditLog({ tenantKeys, clock });
  const tokens = tokenService({ keys, clock, issuer: config.issuer, ttlS: config.accessTokenTtlS });
  const challengeStore = deps.redis ? redisChallengeStore({ redis: deps.redis, clock }) : databaseChallengeStore({ db, clock });
  const compliance = createComplianceServices({ config, db, clock, audit, tokens, tenantKeys, keys });
  const passkeys = passkeyService({ db, audit, clock, store: challengeStore, defaults: passkeyDefaultsFor(config.issuer), risk: compliance.risk });
  const livenessAnalyzer = lazyAnalyzer(deps.livenessAnalyzer, config.modelsDir);
  const liveness = livenessService({ db, audit, tenantKeys, keys, subjects: subjectService({ db, audit }), clock, issuer: config.issuer, engine: deps.engine, analyzer: livenessAnalyzer.get });
  const faceFactor = livenessFaceFactor({ liveness, enrolledTemplate: enrolledFaceTemplate({ db, tenantKeys, subjectKeys: compliance.subjectKeys }) });
  return {
    keys,
    tenantKeys,
    audit,
    auditTrail: auditService({ db, audit, keys, issuer: config.issuer, clock }),
    activity: activityService({ db, clock }),
    ...compliance,
    tokens,
    tenants: tenantService({ db, tenantKeys, audit }),
    clients: clientService({ db, audit, clock }),
    principalStatus: principalStatus({ db, clock }),
    sessions: sessionService({ db, tokens, clock, refreshTtlS: config.refreshTokenTtlS }),
    subjects: subjectService({ db, audit }),
    face: faceService({ db, engine: deps.engine, tenantKeys, subjectKeys: compliance.subjectKeys, audit, clock, subjects: subjectService({ db, audit }) }),
    passkeys,
    liveness,
    livenessAnalyzer,
    transactions: transactionService({ db, audit, clock, passkeys, keys, issuer: config.issuer, policy: compliance.policy, risk: compliance.risk, faceFactor }),
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
