// 图片许可使用合同: a photographer or other rights holder lets someone use their images. Carries
// what Copyright Law art. 26 asks of a licence (kind of right, exclusive or not, territory,
// period, fee and payment, liability) plus portrait rights for people shown (Civil Code art. 1019).
import {
  checkbox,
  date,
  dateOf,
  defineTemplate,
  describeTerm,
  fenOf,
  isoDay,
  labelOf,
  list,
  money,
  number,
  numOf,
  PAY_METHODS,
  periodError,
  radio,
  select,
  step,
  text,
  textarea,
  type FormOf,
} from "./engine";
import { cny, day, fields, items, opt, p, section, table } from "./clauses";

const licenseType = radio(
  "licenseType",
  "许可类型",
  { NON_EXCLUSIVE: "普通许可", EXCLUSIVE: "排他许可", SOLE: "独占许可" },
  { help: "普通：许可方还可许可他人使用；排他：许可方自己可用但不再许可他人；独占：仅被许可方可用" },
);
const territory = select("territory", "使用地域", { MAINLAND: "中国大陆", CHINA: "中国（含港澳台地区）", WORLDWIDE: "全球" });
const rightHolder = radio("rightHolder", "许可方身份", { AUTHOR: "图片作者（著作权人）", AUTHORIZED: "已获著作权人授权" });
const payMethod = select("payMethod", "支付渠道", PAY_METHODS);

const steps = [
  step("图片信息", [
    list(
      "images",
      "图片",
      [
        text("title", "图片名称或编号", { max: 50, placeholder: "如：IMG_0001 城市夜景" }),
        text("description", "内容描述", { max: 100, required: false }),
        number("count", "数量", { min: 1, max: 9999, unit: "张" }),
      ],
      { addLabel: "添加图片" },
    ),
    rightHolder,
    checkbox("hasPortrait", "图片中有可识别的人物肖像"),
    checkbox("portraitConsent", "许可方已取得肖像权人的同意", {
      showWhen: { field: "hasPortrait", equals: true },
      mustBeTrue: "图片含人物肖像的，须先取得肖像权人的同意",
    }),
    text("resolution", "原图规格", { max: 50, required: false, placeholder: "如：不低于6000×4000像素的JPG" }),
  ]),
  step("许可范围", [
    licenseType,
    text("purposes", "使用用途", { max: 200, placeholder: "如：被许可方微信公众号文章配图及官网展示" }),
    checkbox("commercial", "允许商业用途"),
    checkbox("modification", "允许裁剪、调色等修改"),
    checkbox("sublicense", "允许再许可第三方使用"),
    territory,
    date("startDate", "许可开始日期", { notBefore: -30 }),
    date("endDate", "许可结束日期"),
    checkbox("attribution", "使用时须署名", { default: true }),
    text("creditLine", "署名方式", { max: 50, placeholder: "如：摄影：张三", showWhen: { field: "attribution", equals: true } }),
  ]),
  step("许可费用", [
    money("fee", "许可使用费"),
    date("payDate", "付款日期", { notBefore: -30 }),
    payMethod,
    number("deliveryDays", "交付原图期限", { min: 0, max: 30, unit: "天", help: "收到许可费后多少天内交付原图" }),
    number("overuseMultiple", "超范围使用违约金", { min: 1, max: 5, unit: "倍", help: "按许可使用费的倍数计算" }),
    textarea("otherTerms", "补充约定", { required: false }),
  ]),
] as const;
type Form = FormOf<typeof steps>;

export type ImageLicenseFacts = {
  images: { title: string; description: string; count: number }[];
  totalCount: number;
  rightHolder: Form["rightHolder"];
  hasPortrait: boolean;
  resolution: string;
  licenseType: Form["licenseType"];
  purposes: string;
  commercial: boolean;
  modification: boolean;
  sublicense: boolean;
  territory: string;
  startDate: string;
  endDate: string;
  term: string;
  feeFen: number;
  payDate: string;
  payMethod: string;
  deliveryDays: number;
  overuseMultiple: number;
  creditLine: string;
  otherTerms: string;
};

const LICENSE_MEANING = {
  NON_EXCLUSIVE: "普通许可：许可期间，许可方可以自行使用，也可以许可他人使用上述图片。",
  EXCLUSIVE: "排他许可：许可期间，在约定地域和用途范围内，许可方不得再许可任何第三方使用上述图片，但许可方自己可以使用。",
  SOLE: "独占许可：许可期间，在约定地域和用途范围内，仅被许可方可以使用上述图片，许可方自己也不得使用，亦不得许可任何第三方使用。",
} as const;

export const imageLicense = defineTemplate({
  id: "image-license",
  name: "图片许可使用合同",
  category: "trade",
  summary: "授权他人使用自己拍摄或享有权利的图片，约定用途、期限和费用",
  roles: [
    { key: "LICENSOR", label: "许可方", asMe: "我是图片权利人" },
    { key: "LICENSEE", label: "被许可方", asMe: "我是图片使用方" },
  ],
  initiators: ["LICENSOR", "LICENSEE"],
  defaultInitiator: "LICENSOR",
  signOrder: "counterparty-first",
  ageRange: { min: 18, max: 75 },
  steps,
  defaults: (today) => ({ startDate: isoDay(today), payDate: isoDay(today), deliveryDays: "3", overuseMultiple: "2" }),
  rules: (f, _ctx, issue) => {
    // Copyright Law art. 26: a licence names its period; 50 years covers a photographer's term.
    const e = periodError(f.startDate, f.endDate, { maxMonths: 600, what: "许可期限" });
    if (e) issue(["endDate"], e);
  },
  sample: (today): Partial<Form> => ({
    images: [
      { title: "示例-城市夜景-01", description: "外滩夜景横幅", count: "1" },
      { title: "示例-咖啡馆系列", description: "室内环境照片", count: "5" },
    ],
    rightHolder: "AUTHOR",
    resolution: "不低于6000×4000像素的JPG原图",
    licenseType: "NON_EXCLUSIVE",
    purposes: "被许可方微信公众号文章配图及官网展示",
    commercial: true,
    territory: "MAINLAND",
    startDate: isoDay(today),
    endDate: isoDay(today, 364),
    creditLine: "摄影：张三",
    fee: "1500",
    payMethod: "WECHAT",
  }),
  facts: (f: Form): ImageLicenseFacts => {
    const images = f.images.map((i) => ({ title: i.title, description: i.description, count: numOf(i.count, 0) }));
    const start = dateOf(f.startDate);
    const end = dateOf(f.endDate);
    return {
      images,
      totalCount: images.reduce((n, i) => n + i.count, 0),
      rightHolder: f.rightHolder,
      hasPortrait: f.hasPortrait,
      resolution: f.resolution,
      licenseType: f.licenseType,
      purposes: f.purposes,
      commercial: f.commercial,
      modification: f.modification,
      sublicense: f.sublicense,
      territory: labelOf(territory, f.territory),
      startDate: f.startDate,
      endDate: f.endDate,
      term: start && end ? describeTerm(start, end) : "",
      feeFen: fenOf(f.fee),
      payDate: f.payDate,
      payMethod: labelOf(payMethod, f.payMethod),
      deliveryDays: numOf(f.deliveryDays, 0),
      overuseMultiple: numOf(f.overuseMultiple, 0),
      creditLine: f.attribution ? f.creditLine : "",
      otherTerms: f.otherTerms,
    };
  },
  headlineFen: (x) => x.feeFen,
  body: (x) => ({
    sections: [
      section(
        "许可使用的图片",
        table(["序号", "图片名称或编号", "内容描述", "数量"], x.images.map((i, n) => [String(n + 1), i.title, i.description || "—", `${i.count}张`])),
        p(`共计${x.totalCount}张。${x.resolution ? `原图规格：${x.resolution}。` : ""}`),
      ),
      section(
        "权利保证",
        items([
          x.rightHolder === "AUTHOR"
            ? "许可方保证其为上述图片的作者，依法享有著作权，有权许可他人使用。"
            : "许可方保证已取得上述图片著作权人的书面授权，授权范围足以覆盖本合同的许可，并可应被许可方要求出示授权文件。",
          x.hasPortrait
            ? "图片中含有可识别的自然人肖像，许可方保证已取得肖像权人同意按本合同约定的用途使用其肖像。"
            : "许可方确认上述图片中不含可识别的自然人肖像。",
          "因图片权利存在瑕疵导致被许可方遭受第三方索赔的，由许可方负责处理并赔偿被许可方的损失。",
        ]),
      ),
      section(
        "许可范围",
        fields([
          ["许可类型", labelOf(licenseType, x.licenseType)],
          ["使用用途", x.purposes],
          ["使用地域", x.territory],
          ["许可期限", `${day(x.startDate)}至${day(x.endDate)}（共${x.term}）`],
          ["商业用途", x.commercial ? "允许" : "不允许"],
          ["修改图片", x.modification ? "允许裁剪、调色等不歪曲原意的修改" : "不允许修改"],
          ["再许可", x.sublicense ? "允许" : "不允许"],
          opt("署名方式", x.creditLine),
        ]),
        p(LICENSE_MEANING[x.licenseType]),
        p("本合同未明确许可的权利仍由许可方保留。许可期限届满后，被许可方不得再新增使用上述图片，但在许可期限内已合法发布的内容可以继续保留展示。"),
      ),
      section(
        "许可使用费及原图交付",
        items([
          `许可使用费为${cny(x.feeFen)}，被许可方应于${day(x.payDate)}前以${x.payMethod}方式一次性支付。`,
          `许可方应在收到许可使用费后${x.deliveryDays}日内向被许可方交付原图。`,
        ]),
      ),
      section(
        "违约责任",
        items([
          `被许可方超出约定的用途、地域或期限使用图片，或者未按约定署名的，应立即停止并向许可方支付相当于许可使用费${x.overuseMultiple}倍的违约金。`,
          "被许可方逾期付款超过7日的，许可方有权解除本合同，被许可方应停止使用并删除已获得的图片。",
          "违约金不足以弥补损失的，违约方还应赔偿守约方的损失。",
        ]),
      ),
      x.otherTerms ? section("补充约定", p(x.otherTerms)) : null,
    ],
    closing: { dispute: { kind: "general" } },
  }),
});
