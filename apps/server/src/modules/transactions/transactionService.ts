import { randomUUID } from 'node:crypto';
import { generateAuthenticationOptions } from '@simplewebauthn/server';
import type { AuthenticatorTransportFuture, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Database, Queryable } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { AuditActor } from '../audit/AuditEvent.ts';
import type { SigningKeyService } from '../keys/signingKeyService.ts';
import { randomChallenge } from '../passkeys/challengeService.ts';
import { decisionDetails } from '../policy/decide.ts';
import type { PolicyService } from '../policy/policyService.ts';
import type { RiskService } from '../policy/riskService.ts';
import { credentialRepository } from '../passkeys/credentialRepository.ts';
import type { PasskeyService } from '../passkeys/passkeyService.ts';
import { subjectRepository } from '../subjects/subjectRepository.ts';
import { tenantRepository } from '../tenants/tenantRepository.ts';
import { AmountError, parseAmount } from './amount.ts';
import { approveTransaction } from './approveTransaction.ts';
import type { ApprovalInput } from './approveTransaction.ts';
import type { FaceFactorVerifier } from './FaceFactorVerifier.ts';
import { unavailableFaceFactor } from './FaceFactorVerifier.ts';
import { requiredFactors } from './requiredFactors.ts';
import { transactionTtl } from './transactionTtl.ts';
import { transactionChallenge } from './transactionChallenge.ts';
import { transactionRepository } from './transactionRepository.ts';
import type { Transaction, TransactionStatus } from './transactionRepository.ts';
import { verifyApprovalArtifact } from './verifyApprovalArtifact.ts';
import type { ArtifactVerification } from './verifyApprovalArtifact.ts';

/** What the bank's back end sends to create a transaction. */
export interface NewTransaction {
  readonly subjectId: string;
  readonly amount: string;
  readonly currency: string;
  readonly payee: { readonly name: string; readonly account: string };
  readonly reference: string;
  readonly expiresInS?: number | undefined;
}

/** What the subject's device needs to approve: WebAuthn options and the dynamic-linking inputs. */
export interface ApprovalChallenge {
  readonly transaction: Transaction;
  readonly publicKey: PublicKeyCredentialRequestOptionsJSON;
  readonly nonce: string;
  readonly hashInput: string;
  readonly rpId: string;
  readonly credentialIds: readonly string[];
}

const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'];
const asTransports = (t: readonly string[]) => t.filter((x): x is AuthenticatorTransportFuture => TRANSPORTS.includes(x));

/**
 * Payment approval with dynamic linking: the bank creates a transaction, the subject gets a WebAuthn
 * challenge derived from its fields, and an approval yields a signed artefact. Decline, cancel, expiry
 * and every approval attempt are audited in the same database transaction as the change.
 */
export function transactionService({
  db,
  audit,
  clock,
  passkeys,
  keys,
  issuer,
  policy,
  risk,
  faceFactor = unavailableFaceFactor,
}: {
  db: Database;
  audit: AuditLog;
  clock: Clock;
  passkeys: PasskeyService;
  keys: SigningKeyService;
  issuer: string;
  /** Decides which factors approving a payment needs (`actions.approvePayment`). */
  policy: Pick<PolicyService, 'decide'>;
  /** Scores the subject at creation; records approval attempts and refuses locked factors (lockout policy). */
  risk: Pick<RiskService, 'assess' | 'recordAttempt' | 'assertNotLocked'>;
  faceFactor?: FaceFactorVerifier;
}) {
  /** Expires a pending transaction past its expiry (audited); returns the current row. */
  async function current(q: Queryable, tenantId: string, id: string, forUpdate: boolean): Promise<Transaction | null> {
    const t = await transactionRepository(q).get(tenantId, id, { forUpdate });
    if (t === null || t.status !== 'pending' || t.expiresAt.getTime() > clock.now().getTime()) return t;
    const expired = await transactionRepository(q).decide(tenantId, id, { status: 'expired', at: clock.now() });
    if (expired === null) return transactionRepository(q).get(tenantId, id);
    await audit.record(q, { tenantId, actor: { type: 'system', id: null }, action: 'transaction.expire', subjectId: t.subjectId, outcome: 'success', details: { transactionId: id } });
    return expired;
  }

  /** The transaction, expired if due; TRANSACTION_NOT_FOUND for another tenant's or (with `subjectId`) another subject's. */
  async function load(tenantId: string, id: string, subjectId?: string): Promise<Transaction> {
    const t = await db.transaction((tx) => current(tx, tenantId, id, true));
    if (t === null || (subjectId !== undefined && t.subjectId !== subjectId)) throw new AppError('TRANSACTION_NOT_FOUND', `No transaction ${id} here.`);
    return t;
  }

  function refuseUnlessPending(t: Transaction): void {
    if (t.status === 'expired') throw new AppError('TRANSACTION_EXPIRED', `The transaction expired at ${t.expiresAt.toISOString()}.`, { details: { status: t.status } });
    if (t.status !== 'pending') throw new AppError('TRANSACTION_NOT_PENDING', `The transaction is ${t.status}; only a pending transaction can change.`, { details: { status: t.status } });
  }

  async function finish(tenantId: string, id: string, subjectId: string | undefined, status: 'declined' | 'cancelled', actor: AuditActor): Promise<Transaction> {
    return db.transaction(async (tx) => {
      const t = await current(tx, tenantId, id, true);
      if (t === null || (subjectId !== undefined && t.subjectId !== subjectId)) throw new AppError('TRANSACTION_NOT_FOUND', `No transaction ${id} here.`);
      refuseUnlessPending(t);
      const done = await transactionRepository(tx).decide(tenantId, id, { status, at: clock.now() });
      if (done === null) throw new AppError('TRANSACTION_NOT_PENDING', 'The transaction changed meanwhile.');
      await audit.record(tx, { tenantId, actor, action: status === 'declined' ? 'transaction.decline' : 'transaction.cancel', subjectId: t.subjectId, outcome: 'success', details: { transactionId: id } });
      return done;
    });
  }

  const approval = approveTransaction({ db, audit, clock, passkeys, keys, issuer, faceFactor, risk, current, refuseUnlessPending });

  return {
    /**
     * Creates a pending transaction. `requires` comes from the tenant policy's `approvePayment`
     * decision (risk assessed for the subject); the decision's rule and signals are audited. A
     * decision to deny answers TRANSACTION_DENIED, factors approval cannot collect (voice,
     * fingerprint) TRANSACTION_FACTOR_UNSUPPORTED; both are audited as denied creations.
     */
    async create(tenantId: string, input: NewTransaction, actor: AuditActor & { id: string }): Promise<Transaction> {
      const tenant = await tenantRepository(db).get(tenantId);
      if (tenant === null) throw new AppError('TENANT_NOT_FOUND', `No tenant ${tenantId}.`);
      let amount;
      try {
        amount = parseAmount(input.amount, input.currency);
      } catch (error) {
        if (error instanceof AmountError) throw new AppError('TRANSACTION_AMOUNT_INVALID', error.message, { details: { amount: input.amount, currency: input.currency } });
        throw error;
      }
      if ((await subjectRepository(db).get(tenantId, input.subjectId)) === null) throw new AppError('SUBJECT_NOT_FOUND', `No subject ${input.subjectId} in this tenant.`);
      const assessment = await risk.assess({ tenantId, subjectId: input.subjectId });
      // Minor units above 2^53 lose precision as a number, never enough to cross a policy limit (safe integers).
      const decision = await policy.decide(tenantId, { action: 'approvePayment', amountMinor: Number(amount.minor), currency: amount.currency, risk: assessment });
      const required = requiredFactors(decision);
      const basis = { amount: amount.value, currency: amount.currency, ...decisionDetails(decision) };
      if (decision.outcome === 'deny' || !required.ok) {
        await db.transaction((tx) => audit.record(tx, { tenantId, actor, action: 'transaction.create', subjectId: input.subjectId, outcome: 'denied', details: basis }));
        if (decision.outcome === 'deny') throw new AppError('TRANSACTION_DENIED', `The tenant policy denies this payment (${decision.rule}).`, { details: { rule: decision.rule, policyVersion: decision.policyVersion } });
        throw new AppError('TRANSACTION_FACTOR_UNSUPPORTED', `The tenant policy (${decision.rule}) asks for factors a payment approval cannot collect: ${required.ok ? '' : required.unsupported.join(', ')}.`, {
          details: { rule: decision.rule, unsupported: required.ok ? [] : [...required.unsupported] },
        });
      }
      const now = clock.now();
      return db.transaction(async (tx) => {
        const t = await transactionRepository(tx).insert({
          id: randomUUID(),
          tenantId,
          subjectId: input.subjectId,
          clientId: actor.id,
          amount: amount.value,
          amountMinor: amount.minor,
          currency: amount.currency,
          payee: input.payee,
          reference: input.reference,
          requires: required.factors,
          expiresAt: new Date(now.getTime() + (input.expiresInS ?? transactionTtl(tenant.settings)) * 1000),
          createdAt: now,
        });
        await audit.record(tx, { tenantId, actor, action: 'transaction.create', subjectId: t.subjectId, outcome: 'success', details: { ...basis, transactionId: t.id, requires: t.requires.join(' ') } });
        return t;
      });
    },

    get: load,

    /** A fresh approval challenge for the subject (replaces any earlier one of this transaction). */
    async challenge(tenantId: string, id: string, subjectId: string): Promise<ApprovalChallenge> {
      const t = await load(tenantId, id, subjectId);
      refuseUnlessPending(t);
      const settings = await passkeys.settingsFor(tenantId);
      const creds = await credentialRepository(db).listBySubject(tenantId, subjectId);
      const usable = creds.filter((c) => c.flaggedAt === null);
      if (usable.length === 0) throw new AppError('PASSKEY_NONE_REGISTERED', 'The subject has no usable passkey to approve with; register one first.');
      const nonce = randomChallenge();
      const { challenge, hashInput } = transactionChallenge(t, nonce);
      const ttl = Math.min(passkeys.challenges.ttlMs, t.expiresAt.getTime() - clock.now().getTime());
      await passkeys.challenges.issue({ tenantId, key: `transaction:${t.id}`, purpose: 'transaction', challenge, subjectId, transactionId: t.id, nonce });
      const publicKey = await generateAuthenticationOptions({
        rpID: settings.rpId,
        challenge: Buffer.from(challenge, 'base64url'),
        timeout: Math.max(1000, ttl),
        userVerification: 'required',
        allowCredentials: usable.map((c) => ({ id: c.credentialId, transports: asTransports(c.transports) })),
      });
      return { transaction: t, publicKey, nonce, hashInput, rpId: settings.rpId, credentialIds: usable.map((c) => c.credentialId) };
    },

    /** Approves with a passkey assertion (and the other required factors); answers the signed artefact. */
    approve: (tenantId: string, id: string, subjectId: string, input: ApprovalInput) => approval(tenantId, id, subjectId, input),

    decline: (tenantId: string, id: string, subjectId: string) => finish(tenantId, id, subjectId, 'declined', { type: 'subject', id: subjectId }),

    cancel: (tenantId: string, id: string, actor: AuditActor) => finish(tenantId, id, undefined, 'cancelled', actor),

    /** Checks an approval artefact against this server's keys and the stored transaction. */
    async verifyArtifact(tenantId: string, id: string, artifact: string): Promise<{ verification: ArtifactVerification; status: TransactionStatus }> {
      const t = await load(tenantId, id);
      const verification = await verifyApprovalArtifact({ ring: keys.ring, issuer, now: clock.now(), artifact, transaction: t });
      return { verification, status: t.status };
    },
  };
}

export type TransactionService = ReturnType<typeof transactionService>;
