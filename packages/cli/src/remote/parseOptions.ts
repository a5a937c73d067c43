import type { z } from 'zod';
import { UsageError } from './UsageError.ts';

const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Parses a command's options with its zod schema; a refusal becomes a {@link UsageError} naming
 * the option as typed (`--payee-name must …`).
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown): z.output<S> {
  const r = schema.safeParse(options);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const key = issue?.path[0];
  throw new UsageError(`${typeof key === 'string' ? `--${kebab(key)} ` : ''}${issue?.message ?? 'invalid options'}`);
}
