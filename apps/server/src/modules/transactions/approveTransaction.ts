import type { Database, Queryable } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { AppError } from '../../errors/AppError.ts';
import type { ErrorCode } from '../../errors/codes.ts';
import type { AuditLog } from '../audit/auditLog.ts';
import type { SigningKeyService } from '../keys/signingKeyService.ts';
import { assertWithCredential } from '../passkeys/assertWithCredential.ts';
import type { PaymentClientData } from '../passkeys/parseClientDataJSON.ts';
import { authenticatorDataOrThrow, clientDataOrThrow, malformedAsAppError } from '../passkeys/parseResponse.ts';
import type { PasskeyService } from '../passkeys/passkeyService.ts';
import type { RiskService } from '../policy/riskService.ts';
import type { AuthenticationResponseInput } from '../passkeys/schema.ts';
import { AmountError, parseAmount } from './amount.ts';
import { signApprovalArtifact } from './approvalArtifact.ts';
import type { FaceEvidence, FaceFactorVerifier } from './FaceFactorVerifier.ts';
import type { Factor } from './Factor.ts';
import { transactionChallenge } from './transactionChallenge.ts';
import { transactionRepository } from './transactionRepository.ts';
import type { Transaction } from './transactionRepository.ts';

/** An approval attempt: the passkey assertion, and the other factors the transaction requires. */
export interface ApprovalInput {
  readonly credential: AuthenticationResponseInput;
  readonly factors?: { readonly face?: { readonly token: string } | undefined } | undefined;
}

type Outcome = { ok: true; transaction: Transaction; artifact: string } | { ok: false; code: ErrorCode; message: string };

/** True when SPC client data shows exactly this transaction's total (and payee name, when shown). */
function spcMatches(p: PaymentClientData | undefined, t: Transaction, rpId: string): boolean {
  if (p === undefined || p.rpId !== rpId || p.total.currency !== t.currency) return false;
  if (p.payeeName !== undefined && p.payeeName !== t.payee.name) return false;
  try {
    return parseAmount(p.total.value, p.total.currency).value === t.amount;
  } catch (error) {
    if (error instanceof AmountError) return false;
    throw error;
  }
}

/**
 * The approval step. Order: the transaction must be the subject's and pending; every required factor
 * must be present (checked before the challenge is spent, so the client can add one and retry); the
 * single-use challenge is consumed; the challenge is recomputed from the stored fields and the nonce
 * and must be what the authenticator signed (any change of amount, payee or reference refuses it); a
 * `payment.get` (SPC) response must show the same total; the liveness token (face factor when the
 * transaction requires `face`, liveness alone otherwise) is verified and spent through its seam;
 * then, in one database transaction, the passkey assertion is verified, the artefact signed, the
 * status set and the attempt audited. Each refused factor and each approval is recorded with the
 * risk service (`auth_attempts`: lockout, risk scoring); a factor the lockout policy has locked
 * answers FACTOR_LOCKED before anything is spent.
 */
export function approveTransaction(deps: {
  db: Database;
  audit: AuditLog;
  clock: Clock;
  passkeys: PasskeyService;
  keys: SigningKeyService;
  issuer: string;
  faceFactor: FaceFactorVerifier;
  risk: Pick<RiskService, 'recordAttempt' | 'assertNotLocked'>;
  current: (q: Queryable, tenantId: string, id: string, forUpdate: boolean) => Promise<Transaction | null>;
  refuseUnlessPending: (t: Transaction) => void;
}) {
  const { db, audit, clock, passkeys, keys, issuer, faceFactor, risk, current, refuseUnlessPending } = deps;
  return async (tenantId: string, id: string, subjectId: string, input: ApprovalInput): Promise<{ transaction: Transaction; artifact: string }> => {
    const settings = await passkeys.settingsFor(tenantId);
    const response = input.credential;
    const clientData = clientDataOrThrow(response.response.clientDataJSON);
    authenticatorDataOrThrow(response.response.authenticatorData);
    const t = await db.transaction((tx) => current(tx, tenantId, id, true));
    if (t === null || t.subjectId !== subjectId) throw new AppError('TRANSACTION_NOT_FOUND', `No transaction ${id} here.`);
    refuseUnlessPending(t);

    const faceToken = input.factors?.face?.token;
    const provided: Factor[] = faceToken === undefined ? ['passkey'] : ['passkey', 'face', 'liveness'];
    const missing = t.requires.filter((f) => !provided.includes(f));
    if (missing.length > 0) throw new AppError('TRANSACTION_FACTOR_REQUIRED', `This transaction also needs: ${missing.join(', ')}.`, { details: { requires: [...t.requires], missing } });
    const requireFace = t.requires.includes('face');
    const faceFactorName = requireFace ? 'face' : 'liveness';
    await risk.assertNotLocked(tenantId, subjectId, 'passkey');
    if (faceToken !== undefined) await risk.assertNotLocked(tenantId, subjectId, faceFactorName);

    const record = await passkeys.challenges.consume(tenantId, `transaction:${id}`, 'transaction');
    if (record.transactionId !== id || record.subjectId !== subjectId || record.nonce === null) throw new AppError('PASSKEY_CEREMONY_MISMATCH', 'This challenge was not issued for this transaction and subject.');
    const expected = transactionChallenge(t, record.nonce);
    if (clientData.type === 'payment.get' && !spcMatches(clientData.payment, t, settings.rpId)) {
      throw new AppError('TRANSACTION_CHALLENGE_MISMATCH', 'The Secure Payment Confirmation data does not show this transaction’s amount, currency, payee or RP ID.');
    }

    let face: FaceEvidence | null = null;
    if (faceToken !== undefined) {
      const r = await faceFactor.verify({ tenantId, subjectId, transactionId: id, token: faceToken, requireFace });
      if (!r.ok) {
        await db.transaction(async (tx) => {
          await audit.record(tx, { tenantId, actor: { type: 'subject', id: subjectId }, action: 'transaction.approve', subjectId, outcome: 'denied', details: { transactionId: id, code: r.code, factor: faceFactorName } });
          await risk.recordAttempt(tx, { tenantId, subjectId, factor: faceFactorName, outcome: 'failure' });
        });
        throw new AppError(r.code, `The ${faceFactorName} factor was refused: ${r.reason}`, { details: { factor: faceFactorName } });
      }
      face = r.evidence;
    }

    const outcome = await malformedAsAppError(() =>
      db.transaction(async (tx): Promise<Outcome> => {
        const locked = await current(tx, tenantId, id, true);
        if (locked === null || locked.status !== 'pending') return { ok: false, code: 'TRANSACTION_NOT_PENDING', message: 'The transaction changed meanwhile.' };
        const o = await assertWithCredential(tx, { audit, clock, tenantId, subjectId, response, clientData, expectedChallenge: expected.challenge, expectedTypes: ['webauthn.get', 'payment.get'], settings, challengeCode: 'TRANSACTION_CHALLENGE_MISMATCH', keys: passkeys.keys });
        if (!o.ok) {
          await audit.record(tx, { tenantId, actor: { type: 'subject', id: subjectId }, action: 'transaction.approve', subjectId, outcome: 'denied', details: { transactionId: id, code: o.code } });
          await risk.recordAttempt(tx, { tenantId, subjectId, factor: 'passkey', outcome: 'failure' });
          return { ok: false, code: o.code, message: o.code === 'TRANSACTION_CHALLENGE_MISMATCH' ? 'The signed challenge does not match this transaction (amount, currency, payee or reference changed, or an old challenge).' : o.message };
        }
        const now = clock.now();
        const used: Factor[] = face === null ? ['passkey'] : requireFace ? ['passkey', 'face', 'liveness'] : ['passkey', 'liveness'];
        const artifact = await signApprovalArtifact({
          ring: keys.ring,
          issuer,
          now,
          transaction: locked,
          factors: used,
          passkey: {
            passkeyId: o.credential.id,
            credentialId: o.credential.credentialId,
            clientDataType: clientData.type,
            userVerified: o.result.userVerified,
            signCount: o.result.signCount,
            challenge: expected.challenge,
            authenticatorDataHash: o.result.authenticatorDataHash,
            clientDataHash: o.result.clientDataHash,
          },
          face,
        });
        const done = await transactionRepository(tx).decide(tenantId, id, { status: 'approved', at: now, factors: used, credentialId: o.credential.credentialId, artifact });
        if (done === null) return { ok: false, code: 'TRANSACTION_NOT_PENDING', message: 'The transaction changed meanwhile.' };
        await audit.record(tx, { tenantId, actor: { type: 'subject', id: subjectId }, action: 'transaction.approve', subjectId, outcome: 'success', details: { transactionId: id, passkeyId: o.credential.id, factors: used.join(' '), clientDataType: clientData.type } });
        await risk.recordAttempt(tx, { tenantId, subjectId, factor: 'passkey', outcome: 'success' });
        if (face !== null) await risk.recordAttempt(tx, { tenantId, subjectId, factor: faceFactorName, outcome: 'success' });
        return { ok: true, transaction: done, artifact };
      }),
    );
    if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
    return { transaction: outcome.transaction, artifact: outcome.artifact };
  };
}
