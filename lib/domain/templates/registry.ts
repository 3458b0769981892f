// The template library: every official template, in library order, each driven entirely by its
// definition (the 借条 included). Adding a template = adding its file and one line here.
import type { CategoryId, FormValues, TemplateDefinition } from "./engine";
import { debtTransfer } from "./debt-transfer";
import { gift } from "./gift";
import { grasslandTransfer } from "./grassland-transfer";
import { guarantee } from "./guarantee";
import { housekeeping } from "./housekeeping";
import { imageLicense } from "./image-license";
import { iou } from "./iou";
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

/** A template with its form and facts types erased, as the UI and server handle it. */
export type WizardTemplate = TemplateDefinition<FormValues, unknown>;

// Each definition is precisely typed in its own file; the registry erases the form/facts types
// (the definition's methods are checked against its own types where it is written).
const wizard = (t: WizardTemplate) => t;

export const TEMPLATES: readonly WizardTemplate[] = [
  wizard(iou),
  wizard(receipt),
  wizard(guarantee),
  wizard(debtTransfer),
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

/** The template of a Contract.kind; undefined for own documents and unknown ids. */
export function wizardTemplateById(id: string): WizardTemplate | undefined {
  return BY_ID.get(id);
}

export function templatesInCategory(category: CategoryId): WizardTemplate[] {
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
