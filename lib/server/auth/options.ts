import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { secrets } from "@/lib/server/config";
import { sameOriginPath } from "@/lib/domain/safe-path";
import { clientAddressOf } from "@/lib/server/request";
import { verifyLoginCode } from "./login-code";
import { sessionOpen, sessionRevoke } from "./server-session";


/**
 * next-auth with one provider: phone + SMS code. Sessions are signed JWT cookies, so they
 * survive server restarts (the secret is persisted, see config.secrets()).
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: secrets().authSecret,
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "phone-code",
        name: "手机验证码",
        credentials: { phone: { type: "text" }, code: { type: "text" }, agree: { type: "text" } },
        async authorize(credentials, req) {
          const h = req.headers ?? {};
          const { ip } = clientAddressOf(h);
          const result = await verifyLoginCode(credentials ?? {}, { ip, userAgent: typeof h["user-agent"] === "string" ? h["user-agent"] : "" });
          if (!result.ok) {
            // next-auth hands this message back to signIn(); the form shows it next to the field.
            const [field, message] = Object.entries(result.fieldErrors ?? {})[0] ?? ["code", result.error ?? "登录失败"];
            throw new Error(JSON.stringify({ field, message }));
          }
          return { id: result.data.id, name: result.data.phone, role: result.data.role };
        },
      }),
    ],
    callbacks: {
      // next-auth's own redirects (sign-in, sign-out, errors) stay on this site too
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return baseUrl + sameOriginPath(path);
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = (user as { role?: string }).role ?? "USER";
          // one id per sign-in, kept server side: sign-out revokes it, the admin factor is per session
          token.sid = await sessionOpen(user.id);
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, role: token.role, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await sessionRevoke(token.sid);
      },
    },
  };
}
