// Demo data: one admin and three users (two with real-name). Safe to run repeatedly.
// Run with `tsx --conditions=react-server` so server-only modules load outside Next.
import { closeDb, db } from "@/lib/server/db";
import { encrypt, keyedHash } from "@/lib/server/crypto";
import { idCheckChar, maskId } from "@/lib/domain/idcard";
import { DEFAULT_FEE_RULES } from "@/lib/domain/fees";
import { hashSignPassword } from "@/lib/server/identity/sign-password";

/** The demo admin's signing password: the admin area asks for it (or 指纹/面容 ID) once per session. */
const DEMO_ADMIN_SIGN_PASSWORD = "258147";

function demoId(first17: string): string {
  return first17 + idCheckChar(first17);
}

type Demo = { phone: string; role: "USER" | "ADMIN"; name?: string; id17?: string; birth?: string };
const demos: Demo[] = [
  { phone: "13800000000", role: "ADMIN", name: "王管理", id17: "11010519800101001", birth: "1980-01-01" },
  { phone: "13800000001", role: "USER", name: "张三", id17: "44030519900315002", birth: "1990-03-15" },
  { phone: "13800000002", role: "USER", name: "李四", id17: "31011519881120003", birth: "1988-11-20" },
  { phone: "13800000003", role: "USER" },
];

async function main() {
  const client = db();
  for (const d of demos) {
    const identity =
      d.name && d.id17 && d.birth
        ? (() => {
            const id = demoId(d.id17);
            return {
              realName: d.name,
              idType: "CN_RESIDENT" as const,
              idNumberEnc: encrypt(id),
              idNumberHash: keyedHash("cn-id", id),
              idMasked: maskId(id),
              birthDate: new Date(`${d.birth}T00:00:00Z`),
              verifiedAt: new Date(),
            };
          })()
        : {};
    const existing = await client.user.findUnique({ where: { phone: d.phone } });
    const secondFactor = d.role === "ADMIN" ? { signPasswordHash: await hashSignPassword(DEMO_ADMIN_SIGN_PASSWORD) } : {};
    if (!existing) await client.user.create({ data: { phone: d.phone, role: d.role, ...identity, ...secondFactor } });
  }
  console.log(`seed: ${demos.length} demo accounts ready`);

  // fee rules admins edit later, and one published demo coupon code (labelled 示例)
  const rules = JSON.parse(JSON.stringify(DEFAULT_FEE_RULES));
  await client.setting.upsert({ where: { key: "feeRules" }, create: { key: "feeRules", value: rules }, update: {} });
  const now = new Date();
  await client.couponBatch.upsert({
    where: { code: "XINREN2026" },
    create: { name: "示例·新人立减券", kind: "FIXED", amountFen: 200, minSpendFen: 0, validFrom: now, validTo: new Date(now.getTime() + 365 * 86_400_000), perUserLimit: 1, code: "XINREN2026", createdAt: now },
    update: {},
  });
  console.log("seed: fee rules and the demo coupon code XINREN2026 ready");

  // 借条判例库: no real judgment is reproduced here, so the seeded entries are plainly examples
  // (示例) that show admins the shape of an entry and link to the public judgments site.
  if ((await client.iouCase.count()) === 0) {
    await client.iouCase.createMany({
      data: [
        {
          court: "（示例）某市某区人民法院",
          caseNumber: "（示例）民间借贷纠纷·电子借条",
          decidedOn: new Date("2025-06-30T00:00:00Z"),
          summary: "示例条目，非真实案例：出借人持有经实名认证、双方电子签名的借条，借款人到期未还，出借人起诉要求归还本金及约定利息。",
          outcome: "示例：法院审查电子签名的身份认证与防篡改记录后，认定借条真实有效，支持归还本金；超过法定上限的利息部分不予支持。",
          url: "https://wenshu.court.gov.cn/",
          isSample: true,
        },
        {
          court: "（示例）某市中级人民法院",
          caseNumber: "（示例）民间借贷纠纷·转账记录与借条",
          decidedOn: new Date("2025-03-18T00:00:00Z"),
          summary: "示例条目，非真实案例：借款人主张借条系事后补签，出借人提交电子借条的签署时间戳与银行转账记录。",
          outcome: "示例：签署时间早于转账，且与转账金额一致，法院认定借贷关系成立。",
          url: "https://wenshu.court.gov.cn/",
          isSample: true,
        },
      ],
    });
  }
  console.log("seed: case library examples (示例) ready");
  await closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
