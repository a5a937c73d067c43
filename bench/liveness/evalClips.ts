/**
 * Runs every shared clip through the liveness analyser and a session with the challenges it
 * performs, and prints per-clip verdicts and scores. Writes bench/results/liveness-clips.json.
 *
 *   AUTHLOOP_MODELS_DIR=../shared/data/models npx tsx bench/liveness/evalClips.ts [--no-cache] [--video-dir DIR] [--only TEXT]
 *     [--clip FILE:live|attack:turn_left,nod ...]   (more clips, e.g. a held-back set)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createFrameAnalyzer, createLivenessSession, DEFAULT_LIVENESS_THRESHOLDS, isChallengeType } from '../../packages/engine/src/liveness/index.ts';
import type { LivenessVerdict } from '../../packages/engine/src/liveness/index.ts';
import { CLIPS } from './clipManifest.ts';
import type { ClipSpec } from './clipManifest.ts';
import { constructedSequences } from './constructedSequences.ts';
import { observeClip, observeFrames } from './observeClip.ts';

const { values } = parseArgs({
  options: {
    'no-cache': { type: 'boolean', default: false },
    'video-dir': { type: 'string', default: path.resolve(import.meta.dirname, '../../../shared/data/video') },
    only: { type: 'string' },
    'no-iris': { type: 'boolean', default: false },
    /** Extra clips: `--clip FILE:live|attack:blink,turn_left` (FILE relative to --video-dir or absolute), repeatable. */
    clip: { type: 'string', multiple: true, default: [] },
  },
});
const extra: ClipSpec[] = values.clip.map((arg) => {
  const [file = '', kind = '', list = ''] = arg.split(':');
  const challenges = list.split(',').filter((c) => c.length > 0);
  const bad = challenges.filter((c) => !isChallengeType(c));
  if (file === '' || (kind !== 'live' && kind !== 'attack') || bad.length > 0) throw new Error(`--clip ${arg}: expected FILE:live|attack:challenge,... (bad: ${bad.join(',')})`);
  return { file, live: kind === 'live', challenges: challenges.filter(isChallengeType) };
});
const modelsDir = process.env['AUTHLOOP_MODELS_DIR'];
const iris = !values['no-iris'];
const analyzer = await createFrameAnalyzer({ modelsDir, iris });
const thresholds = DEFAULT_LIVENESS_THRESHOLDS;
const rows = [];

function report(name: string, live: boolean, v: LivenessVerdict, decodedFrames?: number): void {
  const s = v.scores;
  const ch = v.challenges.map((c) => `${c.challenge}:${c.passed ? `ok@${Math.round((c.completedMs ?? 0) / 100) / 10}s` : 'no'}`).join(' ');
  console.log(`${name.padEnd(48)} ${live ? 'live  ' : 'attack'} → ${v.passed ? 'PASS' : 'FAIL'} ${v.passed === live ? '✓' : '✗ WRONG'}  [${v.reasons.join(',')}]  ${ch}`);
  console.log(`${''.padEnd(48)} pad=${r3(s.pad)} (${s.padFrames}) screen=${r3(s.screen)} (moire ${r3(s.moire)} bezel ${r3(s.bezel)} glare ${r3(s.glare)}) planar=${r3(s.planar)} motion=${r3(s.motionDeg)}° depth=${r3(s.depth)} sameFace=${r3(s.sameFace)} multi=${r3(s.multiFaceShare)} frames=${s.frames}${decodedFrames === undefined ? '' : `/${decodedFrames}`}`);
}
const r3 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);

for (const clip of [...CLIPS, ...extra]) {
  if (values.only !== undefined && !clip.file.includes(values.only)) continue;
  if (clip.skip !== undefined) {
    rows.push({ clip: clip.file, live: clip.live, judged: false, note: clip.skip });
    console.log(`${clip.file.padEnd(48)} skipped: ${clip.skip}`);
    continue;
  }
  const { observations, decodedFrames } = await observeClip(analyzer, path.join(values['video-dir'], clip.file), { cache: !values['no-cache'], padAvailable: analyzer.padAvailable, iris });
  const session = createLivenessSession({ challenges: clip.challenges, thresholds, requirePad: analyzer.padAvailable });
  for (const o of observations) session.push(o);
  const v = session.verdict();
  const correct = v.passed === clip.live;
  const s = v.scores;
  rows.push({
    clip: clip.file, live: clip.live, judged: true, expected: clip.live ? 'pass' : 'fail', passed: v.passed, correct, reasons: v.reasons,
    challenges: v.challenges.map((c) => ({ challenge: c.challenge, passed: c.passed, atMs: c.completedMs === null ? null : Math.round(c.completedMs), durationMs: c.durationMs === null ? null : Math.round(c.durationMs) })),
    scores: { pad: r3(s.pad), padFrames: s.padFrames, screen: r3(s.screen), moire: r3(s.moire), bezel: r3(s.bezel), glare: r3(s.glare), planar: r3(s.planar), motionDeg: r3(s.motionDeg), depth: r3(s.depth), sameFace: r3(s.sameFace), multiFaceShare: r3(s.multiFaceShare) },
    decodedFrames, analysedFrames: s.frames, faceFrames: s.faceFrames, note: clip.note ?? null,
  });
  report(clip.file, clip.live, v, decodedFrames);
}
if (values.only === undefined || values.only.includes('constructed')) {
  for (const seq of await constructedSequences(path.resolve(values['video-dir'], '..'))) {
    const { observations } = await observeFrames(analyzer, seq.frames);
    const session = createLivenessSession({ challenges: seq.challenges, thresholds, requirePad: analyzer.padAvailable });
    for (const o of observations) session.push(o);
    const v = session.verdict();
    const s = v.scores;
    rows.push({
      clip: seq.name, live: false, judged: true, expected: 'fail', passed: v.passed, correct: !v.passed, reasons: v.reasons, note: seq.description,
      challenges: v.challenges.map((c) => ({ challenge: c.challenge, passed: c.passed, atMs: c.completedMs === null ? null : Math.round(c.completedMs), durationMs: c.durationMs === null ? null : Math.round(c.durationMs) })),
      scores: { pad: r3(s.pad), padFrames: s.padFrames, screen: r3(s.screen), moire: r3(s.moire), bezel: r3(s.bezel), glare: r3(s.glare), planar: r3(s.planar), motionDeg: r3(s.motionDeg), depth: r3(s.depth), sameFace: r3(s.sameFace), multiFaceShare: r3(s.multiFaceShare) },
      decodedFrames: seq.frames.length, analysedFrames: s.frames, faceFrames: s.faceFrames,
    });
    report(seq.name, false, v);
  }
}
await analyzer.close();
const out = path.resolve(import.meta.dirname, iris && values.only === undefined ? '../results/liveness-clips.json' : `../results/liveness-clips${iris ? '' : '-no-iris'}${values.only === undefined ? '' : `-${values.only.replace(/[^a-z0-9]+/gi, '_')}`}.json`);
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ generatedAt: new Date().toISOString(), padAvailable: analyzer.padAvailable, iris, thresholds, clips: rows }, null, 2)}\n`);
const judged = rows.filter((r) => r.judged);
console.log(`\n${judged.filter((r) => 'correct' in r && r.correct).length}/${judged.length} clips judged correctly; written to ${out}`);
