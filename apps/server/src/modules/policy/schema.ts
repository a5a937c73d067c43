import { z } from 'zod';

export const subjectParams = z.object({ subjectId: z.uuid() }).strict();

/** Body of `POST /v1/subjects/{id}/decisions`: the attempt to decide on. */
export const decisionBody = z
  .object({
    action: z.enum(['enrol', 'verify', 'recover', 'approvePayment']),
    amountMinor: z.number().int().nonnegative().optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    ip: z.union([z.ipv4(), z.ipv6()]).optional().describe("The person's IP as the bank saw it"),
    deviceId: z.string().min(1).max(200).optional().describe('A stable device or credential id'),
  })
  .strict();

export const decisionView = z
  .object({
    outcome: z.enum(['allow', 'step-up', 'deny']),
    factors: z.array(z.string()),
    livenessRequired: z.boolean(),
    rule: z.string(),
    policyVersion: z.number().int(),
    riskScore: z.number().int(),
    riskLevel: z.enum(['low', 'medium', 'high']),
    reasons: z.array(z.string()),
    signals: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
  })
  .meta({ id: 'PolicyDecision' });
