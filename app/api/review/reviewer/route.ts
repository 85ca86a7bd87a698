import { handleRoute } from "@/lib/api/route-handler";
import { enterReviewer, findReviewer, readCookie, REVIEWER_COOKIE, reviewerCookieHeader, reviewerNameSchema } from "@/lib/review/reviewer";

export const GET = handleRoute({}, async ({ request }) => ({ reviewer: await findReviewer(readCookie(request, REVIEWER_COOKIE)) }));

export const POST = handleRoute({ body: reviewerNameSchema }, async ({ body }) => {
  const reviewer = await enterReviewer(body.name);
  return Response.json({ reviewer }, { headers: { "set-cookie": reviewerCookieHeader(reviewer.id) } });
});
