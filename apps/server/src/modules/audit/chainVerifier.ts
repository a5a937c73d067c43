import { GENESIS_HASH, recordHash } from './auditLog.ts';
import type { StoredAuditRecord } from './auditRepository.ts';

/** Why a record (or the chain around it) fails verification. */
export type ChainProblem =
  /** A sequence number is missing: a record was deleted (or its seq changed). */
  | 'missing-record'
  /** `prev_hash` is not the previous record's hash: records were reordered, or one was removed. */
  | 'broken-link'
  /** The stored hash does not match the record's contents: the record was edited. */
  | 'hash-mismatch'
  /** The chain head does not end where the records end: records were removed from the end. */
  | 'head-mismatch'
  /** A checkpoint's signature does not verify, or it names another tenant. */
  | 'checkpoint-invalid'
  /** A signed checkpoint disagrees with the record at its seq: the chain was rewritten. */
  | 'checkpoint-mismatch';

/** The first problem found, naming the record where it shows. */
export interface ChainFinding {
  readonly seq: number;
  readonly problem: ChainProblem;
  readonly message: string;
}

/** The outcome of verifying a tenant's chain. A broken chain is a result, not an exception. */
export interface ChainVerification {
  readonly valid: boolean;
  /** Records read. */
  readonly records: number;
  /** Signed checkpoints whose signature and hash were checked. */
  readonly checkpointsVerified: number;
  /** The highest seq covered by a valid checkpoint (0 when none). */
  readonly anchoredThrough: number;
  readonly firstBad: ChainFinding | null;
}

/** A checkpoint after its signature has been checked by the caller. */
export interface CheckedCheckpoint {
  readonly seq: number;
  /** The hash the signed payload commits to, or null when the signature is invalid. */
  readonly signedHash: string | null;
}

/**
 * Streams a tenant's records (in stored seq order) through the chain rules: consecutive seq from 1,
 * each `prevHash` equal to the previous record's hash, each hash recomputed from the contents. Call
 * `push` for every record, then `finish` with the head and the checked checkpoints (whose seqs must
 * be given up front as `checkpointSeqs`, so only those hashes are kept in memory).
 */
export function chainVerifier({ checkpointSeqs = new Set<number>() }: { checkpointSeqs?: ReadonlySet<number> } = {}) {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let records = 0;
  let firstBad: ChainFinding | null = null;
  const hashes = new Map<number, string>();
  const fail = (f: ChainFinding) => {
    if (firstBad === null || f.seq < firstBad.seq) firstBad = f;
  };

  return {
    push(r: StoredAuditRecord): void {
      records += 1;
      if (checkpointSeqs.has(r.seq)) hashes.set(r.seq, r.hash);
      if (firstBad !== null) return;
      if (r.seq !== expectedSeq) {
        fail({ seq: expectedSeq, problem: 'missing-record', message: `record ${expectedSeq} is missing (next stored record is ${r.seq}): a record was deleted` });
        return;
      }
      if (r.prevHash !== prevHash) {
        fail({ seq: r.seq, problem: 'broken-link', message: `record ${r.seq} does not follow record ${r.seq - 1}: records were reordered or removed` });
        return;
      }
      const { hash, ...fields } = r;
      if (recordHash(fields) !== hash) {
        fail({ seq: r.seq, problem: 'hash-mismatch', message: `record ${r.seq} does not match its hash: it was edited` });
        return;
      }
      prevHash = hash;
      expectedSeq += 1;
    },

    finish(head: { seq: number; hash: string } | null, checkpoints: readonly CheckedCheckpoint[]): ChainVerification {
      const lastSeq = expectedSeq - 1;
      let verified = 0;
      let anchoredThrough = 0;
      for (const c of checkpoints) {
        if (c.signedHash === null) {
          fail({ seq: c.seq, problem: 'checkpoint-invalid', message: `the checkpoint at record ${c.seq} has an invalid signature` });
          continue;
        }
        const stored = hashes.get(c.seq);
        if (stored !== c.signedHash) {
          fail({
            seq: c.seq,
            problem: 'checkpoint-mismatch',
            message: stored === undefined ? `record ${c.seq}, covered by a signed checkpoint, is missing: records were deleted` : `record ${c.seq} differs from its signed checkpoint: the chain was rewritten`,
          });
          continue;
        }
        verified += 1;
        anchoredThrough = Math.max(anchoredThrough, c.seq);
      }
      if (firstBad === null && head !== null && (head.seq !== lastSeq || head.hash !== prevHash)) {
        fail({ seq: Math.min(head.seq, lastSeq + 1), problem: 'head-mismatch', message: `the chain head is at record ${head.seq} but the records end at ${lastSeq}: records were removed from the end` });
      }
      if (firstBad === null && head === null && records > 0) {
        fail({ seq: 1, problem: 'head-mismatch', message: 'records exist but the chain head is missing' });
      }
      return { valid: firstBad === null, records, checkpointsVerified: verified, anchoredThrough, firstBad };
    },
  };
}
