import { CommanderError } from 'commander';
import type { Command } from 'commander';
import type { Transaction } from '@authloop/sdk';
import { z } from 'zod';
import { parseOptions } from '../remote/parseOptions.ts';
import { addRemoteOptions, connectRemote } from '../remote/remoteOptions.ts';
import { resolveSubject } from '../remote/resolveSubject.ts';
import { runRemote } from '../remote/runRemote.ts';
import { USAGE_EXIT, UsageError } from '../remote/UsageError.ts';

const remote = { server: z.string().optional(), clientId: z.string().optional(), clientSecret: z.string().optional() };

const createOptions = z.object({
  ...remote,
  subject: z.string().min(1, 'must name a subject (its id or externalId)'),
  amount: z
    .string()
    .regex(/^\d{1,18}(\.\d{1,6})?$/, 'must be a decimal in major units, e.g. 12.50')
    .refine((a) => /[1-9]/.test(a), 'must be more than zero'),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as EUR')
    .transform((c) => c.toUpperCase()),
  payeeName: z.string().min(1).max(140),
  payeeAccount: z.string().min(1).max(64),
  reference: z.string().min(1).max(140),
  expiresIn: z.coerce.number<string>().int().min(30, 'must be 30 s or more').max(86_400, 'must be at most 86400 s').optional(),
  json: z.boolean().optional(),
});

const showOptions = z.object({ ...remote, json: z.boolean().optional() });
const transactionId = z.uuid('must be a transaction id (UUID)');

/** The person's page for approving a payment: the web app's `/approve/:transactionId` route. */
export const approvalUrl = (server: string, id: string): string => `${server}/approve/${encodeURIComponent(id)}`;

function print(t: Transaction, server: string, json: boolean | undefined): void {
  const url = approvalUrl(server, t.id);
  if (json === true) {
    process.stdout.write(`${JSON.stringify({ ...t, approvalUrl: url })}\n`);
    return;
  }
  process.stdout.write(
    [
      `Transaction ${t.id}: ${t.status}`,
      `  amount:     ${t.amount} ${t.currency} to ${t.payee.name} (${t.payee.account}), reference ${t.reference}`,
      `  requires:   ${t.requires.join(', ')}`,
      `  expires:    ${t.expiresAt}`,
      ...(t.decidedAt === null ? [] : [`  decided:    ${t.decidedAt}${t.factors === null ? '' : ` with ${t.factors.join(', ')}`}`]),
      `  approve at: ${url}`,
      '',
    ].join('\n'),
  );
}

/**
 * `authloop transactions create|show`: payments to approve, through the SDK against a running
 * server with an API client's credentials (`transactions:write`/`transactions:read`; resolving an
 * externalId needs `subjects:read`). Exit 2 for a malformed command line or a request the server
 * finds invalid, 1 when the server refuses (unknown subject, wrong secret, denied by policy).
 */
export function registerTransactionCommands(program: Command): void {
  const transactions = program
    .command('transactions')
    .description('Payments a person approves (calls a running server over HTTP)')
    // Commander's usage errors (a missing option, an unknown one) exit 2 here, like our own checks.
    .exitOverride((error) => {
      throw error.exitCode === 0 ? error : new CommanderError(USAGE_EXIT, error.code, error.message);
    });

  addRemoteOptions(
    transactions
      .command('create')
      .description("Create a payment for a person to approve; prints its id, status, expiry and the person's approval URL")
      .requiredOption('--subject <id>', "the person who approves: subject id or the bank's externalId")
      .requiredOption('--amount <decimal>', 'amount in major units, e.g. 12.50')
      .requiredOption('--currency <code>', 'ISO 4217 code, e.g. EUR')
      .requiredOption('--payee-name <name>', 'who is paid')
      .requiredOption('--payee-account <account>', "the payee's IBAN or account number")
      .requiredOption('--reference <text>', "the bank's own reference for this payment")
      .option('--expires-in <seconds>', "seconds to wait for approval (30–86400; default the tenant's setting)")
      .option('--json', 'print the transaction as JSON, with approvalUrl'),
  ).action(async (raw: unknown) =>
    runRemote(async () => {
      const o = parseOptions(createOptions, raw);
      const { server, client } = connectRemote(o);
      const subjectId = await resolveSubject(client, o.subject);
      const t = await client.transactions.create({
        subjectId,
        amount: o.amount,
        currency: o.currency,
        payee: { name: o.payeeName, account: o.payeeAccount },
        reference: o.reference,
        ...(o.expiresIn === undefined ? {} : { expiresInS: o.expiresIn }),
      });
      print(t, server, o.json);
    }),
  );

  addRemoteOptions(
    transactions
      .command('show')
      .description('Show a transaction: status, amount, payee, expiry and approval URL')
      .argument('<id>', 'transaction id')
      .option('--json', 'print the transaction as JSON, with approvalUrl'),
  ).action(async (id: string, raw: unknown) =>
    runRemote(async () => {
      const o = parseOptions(showOptions, raw);
      const parsedId = transactionId.safeParse(id);
      if (!parsedId.success) throw new UsageError(`<id> ${parsedId.error.issues[0]?.message ?? 'is not a UUID'}`);
      const { server, client } = connectRemote(o);
      print(await client.transactions.get(parsedId.data), server, o.json);
    }),
  );
}
