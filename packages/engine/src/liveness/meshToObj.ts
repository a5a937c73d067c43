import type { Vec3 } from './createMeshTracker.ts';

/**
 * Wavefront OBJ text of a facemesh: one `v x y z` line per point (image pixels; y flipped so the
 * face is upright in 3D viewers, z negated so the nose points at the viewer). Points only, no faces:
 * the 468-point topology's triangulation is MediaPipe's and is not redistributed here.
 */
export function meshToObj(mesh: readonly Vec3[], comment = 'facemesh 468 points'): string {
  const lines = [`# ${comment.replace(/[\r\n]/g, ' ')}`, `# ${mesh.length} vertices`];
  for (const [x, y, z] of mesh) lines.push(`v ${x.toFixed(3)} ${(-y).toFixed(3)} ${(-z).toFixed(3)}`);
  return `${lines.join('\n')}\n`;
}
