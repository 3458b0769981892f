import { currentUser } from "@/lib/server/auth";
import { uploadPdf, pdfResponse } from "@/lib/server/files";

/** The uploaded document as a PDF, for the uploader while they set up the contract. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  const { id } = await params;
  const bytes = user ? await uploadPdf(user.id, id) : null;
  return bytes ? pdfResponse(bytes) : new Response("页面不存在", { status: 404 });
}
