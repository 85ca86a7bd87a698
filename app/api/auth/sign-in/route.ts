import { handleRoute } from "@/lib/api/route-handler";
import { clientAddress, isSecureRequest } from "@/lib/auth/request-auth";
import { sessionCookie } from "@/lib/auth/sessions";
import { signIn, signInSchema } from "@/lib/auth/sign-in";

export const POST = handleRoute(
  { auth: "public", body: signInSchema, bodyLimitBytes: 16 * 1024 },
  async ({ body, request }) => {
    const { user, token } = await signIn(body, {
      ip: clientAddress(request),
      userAgent: request.headers.get("user-agent"),
    });
    return Response.json(
      { user },
      { headers: { "set-cookie": sessionCookie(token, isSecureRequest(request)) } },
    );
  },
);
