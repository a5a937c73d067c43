import type { Vec3 } from './createMeshTracker.ts';

/**
 * A synthetic 468-point "face" for tests and documentation: points on the front of an ellipsoid
 * (width 2, height 2.6, depth `depth`) with a nose bump, in face units; indices 33 and 263 are the
 * outer eye corners, as in the facemesh topology. Deterministic. Not a real person's mesh.
 */
export function syntheticFacePoints(depth = 0.9): Vec3[] {
  const pts: Vec3[] = [];
  for (let i = 0; i < 468; i++) {
    const a = (i * 137.508 * Math.PI) / 180;
    const r = Math.sqrt((i + 0.5) / 468) * 0.95;
    const x = r * Math.cos(a), y = 1.3 * r * Math.sin(a);
    const nose = 0.35 * Math.exp(-((x * x) / 0.02 + ((y - 0.1) * (y - 0.1)) / 0.08));
    pts.push([x, y, depth * Math.sqrt(Math.max(0, 1 - x * x - (y / 1.3) ** 2)) + nose]);
  }
  pts[33] = [-0.6, -0.3, depth * 0.7];
  pts[263] = [0.6, -0.3, depth * 0.7];
  return pts;
}

/**
 * Projects face-unit points into a 640×480 image after rotating them by yaw/pitch (degrees) about
 * the face centre: pinhole camera, focal 600 px, face 5 units from the camera, 60 px per unit.
 * Returned z is the rotated depth in pixels (like facemesh's z).
 */
export function projectFace(points: readonly Vec3[], { yawDeg = 0, pitchDeg = 0, scale = 60 }: { yawDeg?: number; pitchDeg?: number; scale?: number } = {}): Vec3[] {
  const yaw = (yawDeg * Math.PI) / 180, pitch = (pitchDeg * Math.PI) / 180;
  const f = 600, dist = 5;
  return points.map(([x, y, z]) => {
    // Yaw about the vertical axis, then pitch about the horizontal one (z towards the camera).
    const x1 = x * Math.cos(yaw) + z * Math.sin(yaw);
    const z1 = -x * Math.sin(yaw) + z * Math.cos(yaw);
    const y2 = y * Math.cos(pitch) - z1 * Math.sin(pitch);
    const z2 = y * Math.sin(pitch) + z1 * Math.cos(pitch);
    const w = dist - z2;
    return [320 + (f * x1) / w * (scale / 120), 240 + (f * y2) / w * (scale / 120), -z2 * scale];
  });
}
