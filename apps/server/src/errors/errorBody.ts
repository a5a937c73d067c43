import { z } from 'zod';
import { errorCodes } from './codes.ts';

/** The JSON shape of every error answer. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodes as [string, ...string[]]).describe('Stable UPPER_SNAKE error code'),
      message: z.string().describe('A message for developers'),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });
