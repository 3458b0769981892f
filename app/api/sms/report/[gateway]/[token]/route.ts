import { smsReportHandle } from "@/lib/server/notify";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** 短信状态回执 from Tencent Cloud or Aliyun; the path's token is SMS_CALLBACK_TOKEN (wrong: 404). */
export async function POST(req: Request, ctx: { params: Promise<{ gateway: string; token: string }> }) {
  const { gateway, token } = await ctx.params;
  // refuse a declared oversize body before reading it into memory
  if (Number(req.headers.get("content-length") ?? 0) > 1024 * 1024) return Response.json({ error: "回执过大" }, { status: 413 });
  const body = await req.text();
  if (body.length > 1024 * 1024) return Response.json({ error: "回执过大" }, { status: 413 });
  const r = await smsReportHandle(gateway, token, body);
  return Response.json(r.body, { status: r.status });
}
