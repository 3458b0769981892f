// Display words for the account center.

export const ID_TYPE_LABELS = { CN_RESIDENT: "居民身份证", HK_MO_PERMIT: "港澳居民来往内地通行证", HKMT_RESIDENCE: "港澳台居民居住证" } as const;

export const METHOD_LABELS = { FACE: "人脸核身", PASSWORD: "签署密码", WEBAUTHN: "指纹/面容 ID" } as const;

/** The label of the number on a document, by the kind of document it is. */
export const ID_NUMBER_LABELS = { CN_RESIDENT: "身份证号", HK_MO_PERMIT: "通行证号码", HKMT_RESIDENCE: "居住证号码" } as const;
