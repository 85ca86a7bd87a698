import { handleRoute } from "@/lib/api/route-handler";
import { changeOwnPassword, ownPasswordSchema } from "@/lib/auth/accounts";
import { isSecureRequest } from "@/lib/auth/request-auth";
import { createSession, sessionCookie } from "@/lib/auth/sessions";

// Every session of the account ends; this browser gets a new one.
export const POST = handleRoute(
  { auth: "account.self", browserOnly: true, body: ownPasswordSchema },
  async ({ user, body, request }) => {
    await changeOwnPassword(user, body);
    const { token } = await createSession(user.id, request.headers.get("user-agent"));
    return Response.json(
      { changed: true },
      { headers: { "set-cookie": sessionCookie(token, isSecureRequest(request)) } },
    );
  },
);
