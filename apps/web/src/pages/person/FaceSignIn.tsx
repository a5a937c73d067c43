import { RequiresEndpoints } from '../../components/RequiresEndpoints.tsx';

/** Face sign-in with an active liveness challenge. Needs the face API (issue 4) and liveness sessions (issue 7). */
export default function FaceSignIn() {
  return (
    <RequiresEndpoints
      feature="Face sign-in"
      issue="face API, issue 4; liveness sessions, issue 7"
      endpoints={['POST /v1/liveness/sessions', 'GET /v1/liveness/sessions/{sessionId}', 'POST /v1/subjects/{subjectId}/face/verify']}
    >
      <p>Face sign-in is ready on this server.</p>
    </RequiresEndpoints>
  );
}
