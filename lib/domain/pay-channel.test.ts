import { describe, expect, it } from "vitest";
import { isPayerIp, payChannelFor } from "./pay-channel";

// User-Agent strings as the browsers send them (trimmed only where marked).
const UA = {
  chromeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  safariIphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  chromeAndroid: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
  huaweiBrowser: "Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-AN00) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.5.302 Mobile Safari/537.36",
  wechatIphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN",
  wechatAndroid: "Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
  wechatWindows: "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13) XWEB/9129 Flue",
  wxwork: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh ColorScheme/Light",
  miniProgram: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN miniProgram/wx1234567890abcdef",
};

describe("payChannelFor (the server decides the WeChat Pay product from the User-Agent)", () => {
  it.each([
    ["desktop Chrome", UA.chromeWindows, "native"],
    ["desktop Safari", UA.safariMac, "native"],
    ["no User-Agent", "", "native"],
    ["missing header", null, "native"],
    ["curl", "curl/8.5.0", "native"],
    ["iPhone Safari", UA.safariIphone, "h5"],
    ["Android Chrome", UA.chromeAndroid, "h5"],
    ["Huawei browser (HarmonyOS)", UA.huaweiBrowser, "h5"],
    ["WeChat on iPhone", UA.wechatIphone, "jsapi"],
    ["WeChat on Android", UA.wechatAndroid, "jsapi"],
    ["WeChat for Windows", UA.wechatWindows, "jsapi"],
    ["企业微信 on a phone: not WeChat, H5", UA.wxwork, "h5"],
    ["a mini-program web-view: no JSAPI there", UA.miniProgram, "h5"],
  ])("%s → %s", (_, ua, channel) => {
    expect(payChannelFor(ua)).toBe(channel);
  });
});

describe("isPayerIp", () => {
  it.each([
    ["203.0.113.7", true],
    ["0.0.0.0", true],
    ["2408:8207:1851:2cb0::1", true],
    ["::1", true],
    ["unknown", false],
    ["", false],
    ["256.1.1.1", false],
    ["1.2.3", false],
    ["203.0.113.7:443", false],
    ["1::2::3", false],
  ])("%s → %s", (ip, ok) => {
    expect(isPayerIp(ip)).toBe(ok);
  });
});
