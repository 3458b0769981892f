// Characters refused in anything a person types into a contract or a form.

/**
 * C0/C1 controls (tab and line breaks aside), bidi overrides and isolates (U+202A–202E, U+2066–
 * 2069) that make printed text read differently from what is stored, direction marks, line and
 * paragraph separators, the BOM, and lone surrogates.
 */
export const HIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF]|\p{Cs}/u;
/** Emoji (shown as emoji by default, or forced by VS16): the PDF fonts have no glyphs, a signed page would show boxes. */
const EMOJI = /\p{Emoji_Presentation}|\uFE0F/u;

export const HIDDEN_CHAR_MESSAGE = "含有不可见的控制字符或文字方向控制符，请删除后重新输入";
export const EMOJI_MESSAGE = "暂不支持表情符号，请删除后重新输入";

/** The message for one typed string, or null when it may be stored and printed. */
export function typedTextError(s: string): string | null {
  if (HIDDEN_CHARS.test(s)) return HIDDEN_CHAR_MESSAGE;
  if (EMOJI.test(s)) return EMOJI_MESSAGE;
  return null;
}

export const hasEmoji = (s: string) => EMOJI.test(s);
