import { access, readFile } from 'node:fs/promises';
import path from 'node:path';

/** One LFW View-2 pair with its fold index and ground truth. */
export interface LfwPair {
  readonly fold: number;
  readonly same: boolean;
  readonly a: string;
  readonly b: string;
}

function imagePath(root: string, name: string, index: string): string {
  return path.join(root, name, `${name}_${index.padStart(4, '0')}.jpg`);
}

/**
 * Reads `pairs.txt` (official View-2 format: a `folds n` header, then per fold `n` same-person
 * lines `name i j` and `n` different-person lines `name1 i name2 j`). Images are looked up under
 * `DIR/lfw-deepfunneled/` when that exists, else under `DIR/`. `perFold` keeps only the first
 * `perFold` pairs of each kind in each fold (a balanced subset that keeps every fold).
 */
export async function readLfwPairs(dir: string, perFold = Number.POSITIVE_INFINITY): Promise<LfwPair[]> {
  const lines = (await readFile(path.join(dir, 'pairs.txt'), 'utf8')).split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const [header, ...rest] = lines;
  const [folds, n] = (header ?? '').split(/\s+/).map(Number);
  if (!folds || !n || rest.length < folds * n * 2) throw new Error(`pairs.txt: bad header "${header ?? ''}" or too few lines`);
  let root = path.join(dir, 'lfw-deepfunneled');
  try {
    await access(root);
  } catch {
    root = dir;
  }
  const pairs: LfwPair[] = [];
  for (let f = 0; f < folds; f++) {
    for (let k = 0; k < 2 * n; k++) {
      const same = k < n;
      if ((same ? k : k - n) >= perFold) continue;
      const parts = (rest[f * 2 * n + k] ?? '').split(/\s+/);
      const [p0 = '', p1 = '', p2 = '', p3 = ''] = parts;
      pairs.push(same ? { fold: f, same, a: imagePath(root, p0, p1), b: imagePath(root, p0, p2) } : { fold: f, same, a: imagePath(root, p0, p1), b: imagePath(root, p2, p3) });
    }
  }
  return pairs;
}
