import { handleRoute } from "@/lib/api/route-handler";
import { isSecureRequest, readCookie } from "@/lib/auth/request-auth";
import { clearedSessionCookie, deleteSession, SESSION_COOKIE } from "@/lib/auth/sessions";

export const POST = handleRoute({ auth: "account.self" }, async ({ request }) => {
  await deleteSession(readCookie(request, SESSION_COOKIE));
  return Response.json(
    { signedOut: true },
    { headers: { "set-cookie": clearedSessionCookie(isSecureRequest(request)) } },
  );
});
