// How our return page (/face/return, in the tab the provider's page sent back) and the page that
// holds the pending act (FacePane) speak: "returned" says the person is back from the provider,
// "taken" that the holding page asks the server now. Neither carries an outcome.
export const FACE_CHANNEL = "dzq-face-check";
export type FaceChannelMessage = { type: "returned" | "taken"; faceCheckId: string };
