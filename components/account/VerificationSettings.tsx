"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { browserSupportsWebAuthn, platformAuthenticatorIsAvailable, startRegistration, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { signPasswordSetSchema } from "@/lib/validation/account";
import { credentialDeleteAction, credentialStartAction, preferredSetAction, signPasswordClearAction, signPasswordStartAction } from "@/actions/profile";
import { METHOD_LABELS } from "@/lib/domain/account-labels";
import type { VerifyMethod } from "@/lib/domain/account";
import { Field } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";
import { AccountFaceCheck } from "./AccountFaceCheck";

type Credential = { id: string; label: "FINGERPRINT" | "FACE_ID"; createdAt: string };
type Props = { preferred: VerifyMethod; hasPassword: boolean; passwordLocked: string | null; credentials: Credential[] };
type Held = { faceCheckId: string; title: string; options?: PublicKeyCredentialCreationOptionsJSON };

const CRED_LABELS = { FINGERPRINT: "指纹", FACE_ID: "面容 ID" } as const;

/** 签署认证方式: 签署密码, 指纹, 面容 ID (each set up after a face check) and which one is offered first. */
export function VerificationSettings({ preferred, hasPassword, passwordLocked, credentials }: Props) {
  const router = useRouter();
  const [held, setHeld] = useState<Held | null>(null);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [platform, setPlatform] = useState<"checking" | "yes" | "no">("checking");
  const form = useForm<z.input<typeof signPasswordSetSchema>, unknown, z.output<typeof signPasswordSetSchema>>({ resolver: zodResolver(signPasswordSetSchema), defaultValues: { password: "", confirm: "" } });

  useEffect(() => {
    let live = true;
    (async () => {
      const ok = browserSupportsWebAuthn() && (await platformAuthenticatorIsAvailable());
      if (live) setPlatform(ok ? "yes" : "no");
    })();
    return () => {
      live = false;
    };
  }, []);

  const done = (text: string) => {
    setMessage({ ok: true, text });
    router.refresh();
  };

  async function onPassword(values: z.output<typeof signPasswordSetSchema>) {
    const res = await signPasswordStartAction(values);
    if (!res.ok) {
      for (const [k, m] of Object.entries(res.fieldErrors ?? {})) form.setError(k === "confirm" ? "confirm" : "password", { message: m });
      if (!res.fieldErrors) setMessage({ ok: false, text: res.error ?? "设置失败" });
      return;
    }
    setHeld({ faceCheckId: res.data.faceCheckId, title: "设置签署密码 · 人脸核身" });
  }

  async function addCredential(label: Credential["label"]) {
    setMessage(null);
    const res = await credentialStartAction({ label });
    if (!res.ok) return setMessage({ ok: false, text: res.error ?? "暂时无法开通" });
    setHeld({ faceCheckId: res.data.faceCheckId, title: `开通${CRED_LABELS[label]} · 人脸核身`, options: res.data.options });
  }

  const methods: VerifyMethod[] = ["FACE", ...(hasPassword ? (["PASSWORD"] as const) : []), ...(credentials.length ? (["WEBAUTHN"] as const) : [])];

  return (
    <div className="flex flex-col gap-4">
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`rounded-xl p-3 text-sm ${message.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
          {message.text}
        </p>
      )}
      <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <div className="flex items-center justify-between gap-3">
          <div>
            <h2 className="font-medium">签署密码</h2>
            <p className="text-xs text-slate-500" data-testid="password-state">
              {hasPassword ? (passwordLocked ? `已锁定至 ${passwordLocked}` : "已设置") : "未设置"} · 6位数字，连续输错5次锁定30分钟
            </p>
          </div>
          {!editing && (
            <Button variant="secondary" className="shrink-0 text-sm" onClick={() => setEditing(true)}>
              {hasPassword ? "修改" : "设置"}
            </Button>
          )}
        </div>
        {editing && (
          <form onSubmit={form.handleSubmit(onPassword)} noValidate className="flex flex-col gap-3">
            <Field id="sign-password" label="签署密码" type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} error={form.formState.errors.password?.message} hint="不能是相同、连续或重复的数字，也不能是出生日期" {...form.register("password")} />
            <Field id="sign-password-confirm" label="再次输入" type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} error={form.formState.errors.confirm?.message} {...form.register("confirm")} />
            <div className="grid grid-cols-2 gap-2">
              <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
                取消
              </Button>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                下一步：人脸核身
              </Button>
            </div>
          </form>
        )}
        {hasPassword && !editing && (
          <button
            type="button"
            className="self-start text-sm text-red-600"
            onClick={async () => {
              if (!window.confirm("关闭后签署时不再提供签署密码验证，确定关闭吗？")) return;
              const res = await signPasswordClearAction();
              if (res.ok) done("已关闭签署密码");
              else setMessage({ ok: false, text: res.error ?? "操作失败" });
            }}
          >
            关闭签署密码
          </button>
        )}
      </section>

      <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <h2 className="font-medium">指纹 / 面容 ID</h2>
        {platform === "no" && <p className="text-sm text-slate-500">当前设备或浏览器不支持指纹、面容 ID，可使用签署密码或人脸核身。</p>}
        {credentials.length > 0 && (
          <ul className="divide-y divide-slate-100 rounded-xl ring-1 ring-slate-100" data-testid="credentials">
            {credentials.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                <span>
                  {CRED_LABELS[c.label]} <span className="text-xs text-slate-500">开通于 {c.createdAt}</span>
                </span>
                <button
                  type="button"
                  className="text-red-600"
                  onClick={async () => {
                    if (!window.confirm("确定关闭该验证方式吗？")) return;
                    const res = await credentialDeleteAction({ id: c.id });
                    if (res.ok) done("已关闭");
                    else setMessage({ ok: false, text: res.error ?? "操作失败" });
                  }}
                >
                  关闭
                </button>
              </li>
            ))}
          </ul>
        )}
        {platform === "yes" && (
          <div className="grid grid-cols-2 gap-2">
            <Button variant="secondary" onClick={() => addCredential("FINGERPRINT")}>
              开通指纹
            </Button>
            <Button variant="secondary" onClick={() => addCredential("FACE_ID")}>
              开通面容 ID
            </Button>
          </div>
        )}
        <p className="text-xs text-slate-500">开通前需完成人脸核身，再在本机验证指纹或面容；生物特征只保存在您的设备上。</p>
      </section>

      <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
        <h2 className="font-medium">签署时优先使用</h2>
        <div role="radiogroup" aria-label="签署时优先使用" className="flex flex-wrap gap-2">
          {methods.map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={m === preferred}
              onClick={async () => {
                const res = await preferredSetAction({ method: m });
                if (res.ok) done(`签署时将优先使用${METHOD_LABELS[m]}`);
                else setMessage({ ok: false, text: res.fieldErrors?.method ?? res.error ?? "操作失败" });
              }}
              className={`min-h-10 rounded-lg px-3 text-sm font-medium ${m === preferred ? "bg-brand-500 text-white" : "bg-slate-100 text-slate-600"}`}
            >
              {METHOD_LABELS[m]}
            </button>
          ))}
        </div>
        <p className="text-xs text-slate-500">签署、解除、结清时先提供所选方式，人脸核身始终可用。</p>
      </section>

      {held && (
        <AccountFaceCheck
          faceCheckId={held.faceCheckId}
          title={held.title}
          attest={held.options ? () => startRegistration({ optionsJSON: held.options! }) : undefined}
          onCancel={() => setHeld(null)}
          onDone={(res) => {
            const wasPassword = !held.options;
            setHeld(null);
            if (!res.ok) return setMessage({ ok: false, text: res.error ?? "设置失败，请重试" });
            if (wasPassword) {
              setEditing(false);
              form.reset();
            }
            done(wasPassword ? "签署密码已设置，签署时将优先使用签署密码" : "已开通，签署时将优先使用指纹/面容 ID");
          }}
        />
      )}
    </div>
  );
}
