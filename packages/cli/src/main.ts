import { Command, CommanderError } from 'commander';
import { ConfigError } from '@authloop/server';
import { registerAdminCommands } from './commands/admin.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerEvalCommands } from './commands/eval.ts';
import { registerKeyCommands } from './commands/keys.ts';
import { registerOperatorCommands } from './commands/operators.ts';
import { registerServerCommands } from './commands/server.ts';
import { registerTransactionCommands } from './commands/transactions.ts';

const program = new Command('authloop').description('Authloop: biometric authentication for fintech').exitOverride();
registerServerCommands(program);
registerAdminCommands(program);
registerKeyCommands(program);
registerAuditCommands(program);
registerEvalCommands(program);
registerOperatorCommands(program);
registerTransactionCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof ConfigError) {
    process.stderr.write(`authloop: ${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`authloop: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
