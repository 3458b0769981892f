// The site's own legal documents (用户协议, 隐私政策, 数字证书服务协议): data rendered by one page.

export type LegalSection = { heading: string; paragraphs: string[] };

export type LegalDocument = {
  slug: "terms" | "privacy" | "certificate";
  title: string;
  /** Bumped whenever the text changes in substance; the consent stored with an account names it. */
  version: string;
  /** YYYY-MM-DD */
  effectiveDate: string;
  summary: string;
  sections: LegalSection[];
};
