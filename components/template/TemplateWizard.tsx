"use client";
// The wizard of every template contract (借条, 租房合同, 买卖合同 …), driven by its definition:
// step 0 签署方 (who I am, who the other side is), one step per definition step, then 预览 of the
// very document that will be signed. One react-hook-form holds { party, form }.
//
// Validation: a resolver that checks only the step on screen — the party step with partySchema,
// a template step with the template's whole zod schema filtered to the fields shown on that step
// (cross-field rules report on the field they concern, so an end date that is before the start
// date shows on the step holding the end date). The same resolver then gives live feedback once
// a field has been touched. The preview only opens when the whole form parses, and the server
// parses it again; its field errors are placed on the fields and the wizard jumps to them.
import { useEffect, useRef, useState, type RefObject } from "react";
import { sampleLeftovers } from "@/lib/domain/templates/sample-leftovers";
import { usePathname, useRouter } from "next/navigation";
import { FormProvider, useForm, useFormContext, useFormState, useWatch, type FieldErrors, type FieldPath, type Resolver } from "react-hook-form";
import { DocumentView } from "@/components/contract/DocumentView";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Segmented } from "@/components/ui/Segmented";
import { parseYmd, shanghaiToday, type YMD } from "@/lib/domain/dates";
import { maskId } from "@/lib/domain/idcard";
import { ID_NUMBER_LABELS } from "@/lib/domain/account-labels";
import { IdTypeSelect } from "@/components/identity/IdTypeSelect";
import { shownStepFields, type FormValues, type TemplateSigner } from "@/lib/domain/templates/engine";
import { wizardTemplateById, type WizardTemplate } from "@/lib/domain/templates/registry";
import type { ActionResult } from "@/lib/server/result";
import { counterpartiesOf, emptyParty, partySchema, whoIs, withAllRows, type PartyForm } from "@/lib/validation/template";
import { FieldInput, domId, errorMessage, type WizardValues } from "./FieldInput";

type Me = { name: string; idMasked: string };
type Draft = { contractId: string; party: PartyForm; form: FormValues };
type SaveResult = ActionResult<{ contractId: string }>;

export type TemplateWizardProps = {
  templateId: string;
  /** Today, "YYYY-MM-DD" in Asia/Shanghai, from the server (date bounds, default dates, rules). */
  today: string;
  me: Me;
  draft: Draft | null;
  /** templateDraftSaveAction: { contractId, templateId, party, form, complete } → the draft's id. */
  save: (input: unknown) => Promise<SaveResult>;
  /** 参照示例填写: start from the template's sample facts (a new draft only). */
  fromSample?: boolean;
  /** The initiator's 同港澳台居民签署合同 switch: the other side may then hold a 通行证 / 居住证. */
  crossBorder?: boolean;
  /** The one-year LPR (basis points), for the template's advice on rates. */
  lprBp?: number;
};

/** Full dotted path ("form.costs.1.item", "party.counterpartyPhone") → message. */
type Issues = Record<string, string>;

/** The document number shown before the contract exists. */
const PREVIEW_NUMBER = "发起后生成";

export function TemplateWizard(props: TemplateWizardProps) {
  // The registry is pure data, importable on the client; an unknown id is the page's bug.
  const t = wizardTemplateById(props.templateId);
  if (!t) {
    return (
      <p role="alert" className="rounded-2xl bg-white p-6 text-center text-slate-600 shadow-sm ring-1 ring-slate-100">
        模板不存在或暂未开放
      </p>
    );
  }
  return <Wizard t={t} {...props} />;
}

// ───────────────────────────── validation (pure) ─────────────────────────────

/** zod issues → Issues under a prefix, the first message per path (as the server's zodFail). */
function issuesOf(prefix: "party" | "form", issues: readonly { path: readonly PropertyKey[]; message: string }[]): Issues {
  const out: Issues = {};
  for (const i of issues) {
    const key = [prefix, ...i.path.map(String)].join(".");
    out[key] ??= i.message;
  }
  return out;
}

function partyIssues(t: WizardTemplate, today: YMD, party: PartyForm, crossBorder: boolean): Issues {
  const r = partySchema(t, today, { crossBorder }).safeParse(party);
  return r.success ? {} : issuesOf("party", r.error.issues);
}

function formIssues(t: WizardTemplate, today: YMD, form: FormValues): Issues {
  const r = t.schema({ today }).safeParse(form);
  const out = r.success ? {} : issuesOf("form", r.error.issues);
  // 参照示例填写: made-up sample text must be replaced before the contract can be sent (the server refuses it too)
  for (const [path, message] of Object.entries(sampleLeftovers(t.steps, t.sample(today), form))) out[`form.${path}`] ??= message;
  return out;
}

/** The issues of wizard step `step` (0 = party, 1..n = the template's steps, n+1 = preview). */
function stepIssues(t: WizardTemplate, today: YMD, step: number, values: WizardValues, crossBorder: boolean): Issues {
  if (step === 0) return partyIssues(t, today, values.party, crossBorder);
  if (step > t.steps.length) return {};
  const shown = new Set(shownStepFields(t.steps, step - 1, values.form).map((f) => f.name));
  return Object.fromEntries(Object.entries(formIssues(t, today, values.form)).filter(([path]) => shown.has(path.split(".")[1] ?? "")));
}

/** Where a reopened draft continues: the first step with something to fix, else the preview. */
function resumeStep(t: WizardTemplate, today: YMD, values: WizardValues, crossBorder: boolean): number {
  const previewStep = t.steps.length + 1;
  for (let step = 0; step < previewStep; step++) if (Object.keys(stepIssues(t, today, step, values, crossBorder)).length) return step;
  // rules across steps (checked before the preview) point at the step holding their field
  const across = Object.keys({ ...partyIssues(t, today, values.party, crossBorder), ...formIssues(t, today, values.form) }).map((path) => stepOfPath(t, path) ?? 0);
  return across.length ? Math.min(...across) : previewStep;
}

/** The wizard step holding a path, or null when no step shows it (an unknown server key). */
function stepOfPath(t: WizardTemplate, path: string): number | null {
  const [head, name] = path.split(".");
  if (head === "party") return 0;
  if (head !== "form" || !name) return null;
  const i = t.steps.findIndex((s) => s.fields.some((f) => f.name === name));
  return i < 0 ? null : i + 1;
}

/** What a step's 下一步 re-validates: all of its fields, so that a stale error on a field hidden meanwhile is cleared too. */
function stepPaths(t: WizardTemplate, step: number): FieldPath<WizardValues>[] {
  if (step === 0) return ["party"];
  return (t.steps[step - 1]?.fields ?? []).map((f) => `form.${f.name}` as const);
}

type ErrorNode = { [key: string]: unknown };
const isNode = (v: unknown): v is ErrorNode => typeof v === "object" && v !== null;

/**
 * Issues → react-hook-form's nested errors object (what a resolver returns). List rows are arrays,
 * as react-hook-form builds them itself: removing a row then shifts the rows' errors with it.
 * Deeper paths go first so that a list's own message lands on its (already created) rows array.
 */
function toFieldErrors(issues: Issues): FieldErrors<WizardValues> {
  const root: ErrorNode = {};
  const entries = Object.entries(issues).map(([path, message]) => ({ parts: path.split("."), message }));
  for (const { parts, message } of entries.sort((a, b) => b.parts.length - a.parts.length)) {
    let node = root;
    parts.forEach((part, i) => {
      const existing = node[part];
      const child: ErrorNode = isNode(existing) ? existing : /^\d+$/.test(parts[i + 1] ?? "") ? ([] as unknown as ErrorNode) : {};
      node[part] = child;
      node = child;
    });
    Object.assign(node, { type: "validate", message });
  }
  return root as FieldErrors<WizardValues>;
}

/** The preview's signers: me with my verified identity; each other side as typed, or blank while 对方填. */
function previewSigners(t: WizardTemplate, party: PartyForm, me: Me): TemplateSigner[] {
  const others = new Map(counterpartiesOf(t, party).map(({ role, row }) => [role.key, row]));
  return t.roles.map((r) => {
    const row = others.get(r.key);
    if (r.key === party.myRole || !row) return { role: r.key, name: me.name, idMasked: me.idMasked };
    const self = row.fill === "SELF";
    const id = row.idNumber.trim().toUpperCase();
    return { role: r.key, name: self ? row.name.trim() : "", idLabel: ID_NUMBER_LABELS[row.idType], idMasked: self && id ? maskId(id) : "" };
  });
}

// ───────────────────────────── the wizard ─────────────────────────────

function Wizard({ t, today, me, draft, save, fromSample = false, crossBorder = false, lprBp }: TemplateWizardProps & { t: WizardTemplate }) {
  const router = useRouter();
  const pathname = usePathname();
  const todayYmd = useTodayYmd(today);
  const previewStep = t.steps.length + 1;
  const titles = ["签署方", ...t.steps.map((s) => s.title), "预览"];

  const [contractId, setContractId] = useState<string | null>(draft?.contractId ?? null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The field to bring into view once the step showing it has rendered (after an error jump).
  const [focusTarget, setFocusTarget] = useState<{ path: string } | null>(null);

  const [defaultValues] = useState<WizardValues>(() =>
    draft
      ? // A draft saved by an older version of the template may lack newer fields: start from the empty form.
        { party: withAllRows(t, draft.party), form: { ...t.emptyForm(todayYmd), ...draft.form } }
      : { party: emptyParty(t, t.defaultInitiator), form: fromSample ? t.sample(todayYmd) : t.emptyForm(todayYmd) },
  );
  // a reopened draft continues where it was left: the first step with something still to fill
  const [step, setStep] = useState(() => (draft ? resumeStep(t, todayYmd, defaultValues, crossBorder) : 0));
  // Rebuilt every render: react-hook-form reads the latest resolver, so it always checks the step on screen.
  const resolver: Resolver<WizardValues> = (values) => {
    const issues = stepIssues(t, todayYmd, step, values, crossBorder);
    return Object.keys(issues).length ? { values: {}, errors: toFieldErrors(issues) } : { values, errors: {} };
  };
  const methods = useForm<WizardValues>({ defaultValues, resolver, mode: "onTouched" });
  const { control, trigger, getValues, setError, setFocus } = methods;
  const [party, form] = useWatch({ control, name: ["party", "form"] });
  const advice = t.advice(t.read(form), { today: todayYmd, lprBp });

  // A new step starts at the top, with focus on its title for screen readers. Compared with the
  // step last shown (not "first run") so that React's dev double-invoke does not jump on load.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    window.scrollTo({ top: 0 });
    headingRef.current?.focus({ preventScroll: true });
  }, [step]);
  useEffect(() => {
    if (!focusTarget) return;
    // Centred, so the sticky action bar does not cover it; a list's own error has no input to focus.
    document.getElementById(`${domId(focusTarget.path)}-error`)?.scrollIntoView({ block: "center" });
    setFocus(focusTarget.path as FieldPath<WizardValues>);
  }, [focusTarget, setFocus]);

  const goTo = (next: number) => {
    setProblem(null);
    setNotice(null);
    setStep(next);
  };

  /** Puts issues on their fields and jumps to the earliest step holding one; returns the messages no step shows. */
  const showIssues = (issues: Issues): string[] => {
    const placed: { path: string; at: number }[] = [];
    const unplaced: string[] = [];
    for (const [path, message] of Object.entries(issues)) {
      const at = stepOfPath(t, path);
      if (at === null) {
        unplaced.push(message);
        continue;
      }
      // Paths come from the template's own schema or the server's, both over { party, form }.
      setError(path as FieldPath<WizardValues>, { type: "server", message });
      placed.push({ path, at });
    }
    const first = placed.sort((a, b) => a.at - b.at)[0]; // stable: keeps the schema's field order within a step
    if (first) {
      setStep(first.at);
      setFocusTarget({ path: first.path });
    }
    return unplaced;
  };

  const submit = async (complete: boolean) => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    const { party: p, form: f } = getValues();
    let res: SaveResult;
    try {
      res = await save({ contractId, templateId: t.id, party: p, form: f, complete });
    } catch {
      res = { ok: false, error: "网络异常，请稍后重试" };
    }
    if (!res.ok) {
      setBusy(false);
      const unplaced = showIssues(res.fieldErrors ?? {});
      const general = res.error ?? (res.fieldErrors ? "请按提示修改标红的内容" : "保存失败，请稍后重试");
      setProblem([general, ...unplaced.filter((m) => m !== general)].join("；"));
      return;
    }
    setContractId(res.data.contractId);
    if (complete) {
      // Stays busy while the sign page loads, so the contract cannot be confirmed twice.
      router.push(`/contracts/${res.data.contractId}/sign`);
      return;
    }
    setBusy(false);
    setNotice("已保存草稿");
    // The page reads ?draft=, so a reload (or going back later) continues this draft instead of a new one.
    if (!contractId) router.replace(`${pathname}?draft=${encodeURIComponent(res.data.contractId)}`, { scroll: false });
  };

  const next = async () => {
    if (step === previewStep) return submit(true);
    setProblem(null);
    setNotice(null);
    if (!(await trigger(stepPaths(t, step), { shouldFocus: true }))) return;
    if (step === previewStep - 1) {
      // The preview renders the parsed form: everything must parse, including rules across steps.
      const values = getValues();
      const issues = { ...partyIssues(t, todayYmd, values.party, crossBorder), ...formIssues(t, todayYmd, values.form) };
      if (Object.keys(issues).length) {
        setProblem(["请按提示修改标红的内容", ...showIssues(issues)].join("；"));
        return;
      }
    }
    goTo(step + 1);
  };

  return (
    <FormProvider {...methods}>
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void next();
        }}
      >
        <StepHeader templateName={t.name} title={titles[step] ?? ""} help={step > 0 ? t.steps[step - 1]?.help : undefined} index={step} total={titles.length} headingRef={headingRef} sampleNotice={fromSample && !draft} />
        {step === 0 && <PartyStep t={t} party={party} me={me} crossBorder={crossBorder} />}
        {step > 0 && step < previewStep && (
          <section className="flex flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
            {shownStepFields(t.steps, step - 1, form).map((f) => (
              <FieldInput key={f.name} field={f} today={today} advice={advice[f.name]} />
            ))}
          </section>
        )}
        {step === previewStep && <PreviewStep t={t} today={todayYmd} party={party} form={form} me={me} />}
        <ActionBar step={step} isPreview={step === previewStep} busy={busy} problem={problem} notice={notice} onBack={() => goTo(step - 1)} onSaveDraft={() => void submit(false)} />
      </form>
    </FormProvider>
  );
}

/** The server's "today" as a date; the client's own clock only if the page passed something unreadable. */
function useTodayYmd(today: string): YMD {
  const [ymd] = useState(() => parseYmd(today) ?? shanghaiToday(new Date()));
  return ymd;
}

// ───────────────────────────── pieces ─────────────────────────────

function StepHeader({
  templateName,
  title,
  help,
  index,
  total,
  headingRef,
  sampleNotice,
}: {
  sampleNotice: boolean;
  templateName: string;
  title: string;
  help?: string;
  index: number;
  total: number;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  return (
    <header className="flex flex-col gap-2">
      <h1 className="text-xl font-semibold">{templateName}</h1>
      {sampleNotice && (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-800" data-testid="sample-notice">
          已按示例填好各项内容，请逐项核对，改为你们的真实约定后再发起。
        </p>
      )}
      <div className="flex items-baseline justify-between gap-3">
        <h2 ref={headingRef} tabIndex={-1} className="text-lg font-medium outline-none" data-testid="wizard-step-title">
          {title}
        </h2>
        <span className="shrink-0 text-sm text-slate-500" data-testid="wizard-step-count">
          <span aria-hidden="true">
            {index + 1} / {total}
          </span>
          <span className="sr-only">
            第{index + 1}步，共{total}步
          </span>
        </span>
      </div>
      <div className="h-1 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div className="h-full rounded-full bg-brand-500 transition-[width]" style={{ width: `${((index + 1) / total) * 100}%` }} />
      </div>
      {help && <p className="text-sm text-slate-500">{help}</p>}
    </header>
  );
}

/** 签署方: my role (only those the template lets start it), then each other side: 对方填 / 我来填, and their phone. */
function PartyStep({ t, party, me, crossBorder }: { t: WizardTemplate; party: PartyForm; me: Me; crossBorder: boolean }) {
  const { register, control } = useFormContext<WizardValues>();
  const { errors } = useFormState({ control, name: "party" });
  const mine = t.roles.find((r) => r.key === party.myRole);
  const roleOptions = t.roles.filter((r) => t.initiators.includes(r.key)).map((r) => [r.key, r.asMe] as const);
  const myRoleError = errorMessage(errors, "party.myRole");
  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-100">
      <p className="text-sm font-medium text-slate-700">我的身份</p>
      <Segmented label="我的身份" value={party.myRole} options={roleOptions} field={register("party.myRole")} />
      {myRoleError && (
        <p role="alert" id="party-myRole-error" className="text-sm text-red-600">
          {myRoleError}
        </p>
      )}
      <div className="rounded-xl bg-slate-50 p-3 text-sm">
        <p className="font-medium">{mine ? `${mine.label}（我）` : "我"}</p>
        <p className="text-slate-600">
          {me.name} · {me.idMasked}
        </p>
      </div>
      {counterpartiesOf(t, party).map(({ role, row }, i) => (
        <CounterpartyFields key={role.key} index={i} heading={t.roles.length === 2 ? `${role.label}（对方）` : role.label} who={whoIs(t, role)} row={row} phoneOptional={Boolean(t.inviteByLink) && row.fill === "COUNTERPARTY"} crossBorder={crossBorder} />
      ))}
    </section>
  );
}

/** One other side of the contract: 对方填 / 我来填, their name and document when I fill them, and the phone the invitation goes to. */
function CounterpartyFields({ index, heading, who, row, phoneOptional, crossBorder }: { index: number; heading: string; who: string; row: PartyForm["counterparties"][number]; phoneOptional: boolean; crossBorder: boolean }) {
  const { register, control } = useFormContext<WizardValues>();
  const { errors } = useFormState({ control, name: "party" });
  const path = `party.counterparties.${index}` as const;
  const err = (name: keyof typeof row) => errorMessage(errors, `${path}.${name}`);
  const id = (name: keyof typeof row) => domId(`${path}.${name}`);
  return (
    <div className="flex flex-col gap-3 border-t border-slate-100 pt-3 first-of-type:border-0">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm font-medium">{heading}</p>
        <Segmented
          label={`${who}信息`}
          className="flex gap-1"
          value={row.fill}
          options={[["COUNTERPARTY", "对方填"], ["SELF", "我来填"]] as const}
          field={register(`${path}.fill`)}
        />
      </div>
      {row.fill === "SELF" ? (
        <>
          <Field id={id("name")} label={`${who}姓名`} autoComplete="off" error={err("name")} {...register(`${path}.name`)} />
          {crossBorder && <IdTypeSelect id={id("idType")} label={`${who}证件类型`} field={register(`${path}.idType`)} error={err("idType")} />}
          <Field
            id={id("idNumber")}
            label={`${who}${ID_NUMBER_LABELS[row.idType ?? "CN_RESIDENT"]}`}
            placeholder={row.idType === "HK_MO_PERMIT" ? "如 H12345678" : undefined}
            autoComplete="off"
            maxLength={18}
            error={err("idNumber")}
            {...register(`${path}.idNumber`)}
          />
        </>
      ) : (
        <p className="text-xs text-slate-500">{who}的姓名和证件号码由{who}在签署时填写并完成实名认证。</p>
      )}
      <Field
        id={id("phone")}
        label={phoneOptional ? `${who}手机号（选填）` : `${who}手机号`}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        placeholder="11位手机号"
        hint={phoneOptional ? `填写后系统将短信通知${who}；也可以在发起后复制链接或出示二维码给${who}` : "签署邀请将通过短信发送到这个手机号"}
        error={err("phone")}
        {...register(`${path}.phone`)}
      />
    </div>
  );
}

/** 预览: the document exactly as it will be signed (same model as the PDF), with the contract number still to come. */
function PreviewStep({ t, today, party, form, me }: { t: WizardTemplate; today: YMD; party: PartyForm; form: FormValues; me: Me }) {
  const parsed = t.schema({ today }).safeParse(form);
  if (!parsed.success) {
    // Unreachable through 下一步 (it opens the preview only when the form parses); kept for safety.
    return (
      <p role="alert" className="rounded-2xl bg-white p-4 text-sm text-red-600 shadow-sm ring-1 ring-slate-100">
        部分内容需要修改，请返回上一步检查
      </p>
    );
  }
  const doc = t.document(t.facts(parsed.data), previewSigners(t, party, me), { number: PREVIEW_NUMBER });
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">
        请仔细核对合同内容，确认后进入签署环节。
        {party.counterparties.some((r) => r.fill === "COUNTERPARTY") && (t.roles.length === 2 ? "对方的姓名和身份证号将在对方签署时补充。" : "未填写的签署方姓名和证件号码将在其签署时补充。")}
      </p>
      <DocumentView doc={doc} />
    </div>
  );
}

/** Sticky above the phone's bottom navigation, in the flow from md up where the nav moves to the side. */
function ActionBar({
  step,
  isPreview,
  busy,
  problem,
  notice,
  onBack,
  onSaveDraft,
}: {
  step: number;
  isPreview: boolean;
  busy: boolean;
  problem: string | null;
  notice: string | null;
  onBack: () => void;
  onSaveDraft: () => void;
}) {
  return (
    <div className="sticky bottom-16 z-10 flex flex-col gap-2 bg-slate-50/90 py-2 backdrop-blur md:bottom-0">
      {problem && (
        <p role="alert" className="text-center text-sm text-red-600" data-testid="wizard-error">
          {problem}
        </p>
      )}
      {/* Always in the DOM (visually hidden while empty), so screen readers announce the text when it appears. */}
      <p role="status" className={notice ? "text-center text-sm text-slate-600" : "sr-only"}>
        {notice}
      </p>
      <div className="flex gap-2">
        {step > 0 && (
          <Button type="button" variant="secondary" className="px-3" disabled={busy} onClick={onBack}>
            上一步
          </Button>
        )}
        <Button type="button" variant="secondary" className="px-3" disabled={busy} onClick={onSaveDraft}>
          保存草稿
        </Button>
        <Button type="submit" className="flex-1" disabled={busy} aria-busy={busy || undefined}>
          {isPreview ? "确认并下一步" : "下一步"}
        </Button>
      </div>
    </div>
  );
}
