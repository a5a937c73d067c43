import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createLocalMasterKey, generateKey, parseKey } from '@authloop/crypto';
import { openRuntime, rotateMasterKey } from '@authloop/server';

/**
 * `authloop keys rotate --master --new-key-file PATH`: re-wraps every tenant data key and signing
 * key under the master key in PATH (generated there, mode 0600, when the file does not exist).
 * Templates and other sealed data are not touched. Afterwards point AUTHLOOP_MASTER_KEY_FILE at PATH.
 */
export async function rotateMasterKeyCommand({ newKeyFile }: { newKeyFile: string }): Promise<void> {
  if (!existsSync(newKeyFile)) {
    writeFileSync(newKeyFile, `${Buffer.from(generateKey()).toString('base64')}\n`, { mode: 0o600 });
    chmodSync(newKeyFile, 0o600);
    process.stdout.write(`Generated a new master key in ${newKeyFile}.\n`);
  }
  const to = createLocalMasterKey(parseKey(readFileSync(newKeyFile, 'utf8')));
  const runtime = await openRuntime();
  try {
    const r = await rotateMasterKey({ db: runtime.db, from: runtime.masterKey, to });
    process.stdout.write(
      `Master key rotated ${runtime.masterKey.id} → ${to.id}: ${r.tenantKeys} tenant data keys and ${r.signingKeys} signing keys re-wrapped (${r.alreadyRotated} already under the new key); templates untouched.\n` +
        `Now restart every replica with AUTHLOOP_MASTER_KEY_FILE=${newKeyFile} (or its contents in AUTHLOOP_MASTER_KEY), then destroy the old key.\n`,
    );
  } finally {
    await runtime.close();
  }
}
