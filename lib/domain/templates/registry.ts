// The template library: every official template, in library order. The 借条 keeps its own wizard
// (components/iou, lib/validation/iou) and appears here as metadata only; the other 17 are
// driven entirely by their definitions. Adding a template = adding its file and one line here.
import { IOU_MAX_AGE, IOU_MAX_FEN, IOU_MIN_AGE } from "../iou";
import type { CategoryId, FormValues, TemplateDefinition, TemplateMeta } from "./engine";
import { gift } from "./gift";
import { grasslandTransfer } from "./grassland-transfer";
import { housekeeping } from "./housekeeping";
import { imageLicense } from "./image-license";
import { itemLease } from "./item-lease";
import { parkingLease } from "./parking-lease";
import { partTime } from "./part-time";
import { petFeeding } from "./pet-feeding";
import { receipt } from "./receipt";
import { renovation } from "./renovation";
import { rental } from "./rental";
import { sale } from "./sale";
import { service } from "./service";
import { shopLease } from "./shop-lease";
import { simpleStatement } from "./simple-statement";
import { statement } from "./statement";
import { trafficSettlement } from "./traffic-settlement";

/** A template with its own hand-built wizard and renderer (only 借条). */
export type BuiltInTemplate = TemplateMeta & { readonly builtIn: true; /** Its own pages. */ readonly href: string };
/** A wizard template with its form and facts types erased, as the UI and server handle it. */
export type WizardTemplate = TemplateDefinition<FormValues, unknown>;
export type TemplateEntry = BuiltInTemplate | WizardTemplate;

export const IOU_TEMPLATE: BuiltInTemplate = {
  id: "iou",
  name: "借条",
  category: "money",
  summary: "个人之间借款，约定金额、利率和还款方式",
  roles: [
    { key: "LENDER", label: "出借人", asMe: "我是出借人" },
    { key: "BORROWER", label: "借款人", asMe: "我是借款人" },
  ],
  initiators: ["LENDER", "BORROWER"],
  defaultInitiator: "LENDER",
  signOrder: "initiator-first",
  ageRange: { min: IOU_MIN_AGE, max: IOU_MAX_AGE },
  maxAmountFen: IOU_MAX_FEN,
  builtIn: true,
  href: "/iou",
};

// Each definition is precisely typed in its own file; the registry erases the form/facts types
// (the definition's methods are checked against its own types where it is written).
const wizard = (t: WizardTemplate) => t;

export const TEMPLATES: readonly TemplateEntry[] = [
  IOU_TEMPLATE,
  wizard(receipt),
  wizard(rental),
  wizard(sale),
  wizard(service),
  wizard(trafficSettlement),
  wizard(partTime),
  wizard(imageLicense),
  wizard(housekeeping),
  wizard(shopLease),
  wizard(itemLease),
  wizard(parkingLease),
  wizard(renovation),
  wizard(gift),
  wizard(statement),
  wizard(simpleStatement),
  wizard(petFeeding),
  wizard(grasslandTransfer),
];

export const TEMPLATE_CATEGORIES: readonly { id: CategoryId; label: string }[] = [
  { id: "money", label: "借贷收付" },
  { id: "lease", label: "租赁" },
  { id: "trade", label: "买卖服务" },
  { id: "labour", label: "劳务用工" },
  { id: "agreement", label: "协议和解" },
];

const BY_ID = new Map(TEMPLATES.map((t) => [t.id, t]));

export function templateById(id: string): TemplateEntry | undefined {
  return BY_ID.get(id);
}

/** The wizard template for a Contract.kind; undefined for 借条 and unknown ids. */
export function wizardTemplateById(id: string): WizardTemplate | undefined {
  const t = BY_ID.get(id);
  return t && !t.builtIn ? t : undefined;
}

export function templatesInCategory(category: CategoryId): TemplateEntry[] {
  return TEMPLATES.filter((t) => t.category === category);
}

/** A role key's label within a template (出租方), for folders and notifications. */
export function roleLabelIn(templateId: string, role: string): string {
  return BY_ID.get(templateId)?.roles.find((r) => r.key === role)?.label ?? "签署方";
}

/** A Contract.kind's name for lists and charts (借条, 租房合同 …; 自有文件 for uploads). */
export function kindLabel(kind: string): string {
  return kind === "file" ? "自有文件" : (BY_ID.get(kind)?.name ?? kind);
}
