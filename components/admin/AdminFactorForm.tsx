"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { startAuthentication } from "@simplewebauthn/browser";
import { adminFactorOptionsAction, adminFactorStartAction, adminFactorVerifyAction } from "@/actions/admin-verify";
import { Field } from "@/components/ui/Field";
import { Button } from "@/components/ui/Button";

/**
 * 管理后台二次验证: the admin's signing password, or 指纹/面容 ID where registered. Each try proves
 * a pending check of its own, started just before, so a page left open never meets an expired one.
 */
export function AdminFactorForm({ hasPassword, hasWebauthn }: { hasPassword: boolean; hasWebauthn: boolean }) {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const done = () => {
    router.replace("/admin");
    router.refresh();
  };
  return (
    <div className="flex flex-col gap-4">
      {hasPassword && (
        <form
          className="flex flex-col gap-3"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            const started = await adminFactorStartAction();
            const res = started.ok ? await adminFactorVerifyAction({ faceCheckId: started.data.faceCheckId, password }) : started;
            setBusy(false);
            if (res.ok) return done();
            setPassword("");
            setError(res.fieldErrors?.password ?? res.error ?? "验证失败");
          }}
        >
          <Field id="admin-password" label="签署密码" type="password" inputMode="numeric" maxLength={6} autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value.replace(/\D/g, ""))} error={error ?? undefined} />
          <Button type="submit" disabled={busy || password.length !== 6}>
            验证并进入
          </Button>
        </form>
      )}
      {hasWebauthn && (
        <Button
          variant="secondary"
          disabled={busy}
          onClick={async () => {
            setError(null);
            const started = await adminFactorStartAction();
            if (!started.ok) return setError(started.error ?? "验证失败");
            const { faceCheckId } = started.data;
            const options = await adminFactorOptionsAction({ faceCheckId });
            if (!options.ok) return setError(options.error ?? "暂时无法使用指纹或面容 ID");
            try {
              const res = await adminFactorVerifyAction({ faceCheckId, webauthn: await startAuthentication({ optionsJSON: options.data }) });
              if (res.ok) return done();
              setError(res.fieldErrors?.webauthn ?? res.error ?? "验证失败");
            } catch {
              setError("指纹或面容 ID 验证已取消");
            }
          }}
        >
          使用指纹/面容 ID 验证
        </Button>
      )}
      {!hasPassword && error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
