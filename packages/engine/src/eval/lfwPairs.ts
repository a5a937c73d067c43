import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** One LFW View-2 pair. Paths are relative to the LFW directory. */
export interface LfwPair {
  readonly fold: number;
  readonly same: boolean;
  readonly a: string;
  readonly b: string;
}

const imageName = (name: string, n: string): string => `${name}/${name}_${n.padStart(4, '0')}.jpg`;

/**
 * Parses an official LFW View-2 `pairs.txt`: a header `folds<TAB>n`, then per fold n same-person
 * lines `name i j` followed by n different-person lines `name1 i name2 j`. Any number of folds.
 */
export function parseLfwPairs(text: string): LfwPair[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(/\s+/).map(Number);
  const folds = header[0], perClass = header[1];
  if (folds === undefined || perClass === undefined || !Number.isInteger(folds) || !Number.isInteger(perClass) || folds < 1 || perClass < 1) {
    throw new Error('pairs.txt: the first line must be "<folds>\\t<pairs per class>"');
  }
  const pairs: LfwPair[] = [];
  for (let i = 1; i < lines.length; i++) {
    const fold = Math.floor((i - 1) / (2 * perClass));
    if (fold >= folds) break;
    const f = (lines[i] ?? '').split(/\s+/);
    if (f.length === 3 && f[0] !== undefined && f[1] !== undefined && f[2] !== undefined) {
      pairs.push({ fold, same: true, a: imageName(f[0], f[1]), b: imageName(f[0], f[2]) });
    } else if (f.length === 4 && f[0] !== undefined && f[1] !== undefined && f[2] !== undefined && f[3] !== undefined) {
      pairs.push({ fold, same: false, a: imageName(f[0], f[1]), b: imageName(f[2], f[3]) });
    } else {
      throw new Error(`pairs.txt line ${i + 1}: expected 3 or 4 fields`);
    }
  }
  if (pairs.length !== folds * perClass * 2) throw new Error(`pairs.txt: expected ${folds * perClass * 2} pairs, found ${pairs.length}`);
  return pairs;
}

/** The folder holding `NAME/NAME_NNNN.jpg`: DIR itself or DIR/lfw-deepfunneled (or DIR/lfw). */
export function lfwImageRoot(dir: string): string {
  for (const sub of ['lfw-deepfunneled', 'lfw']) {
    if (existsSync(join(dir, sub))) return join(dir, sub);
  }
  return dir;
}
