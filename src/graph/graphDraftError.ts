// Why a draft could not be made, naming the reminder, in French then English. Never the token.

export class GraphDraftError extends Error {
  /**
   * @param reminder - what names the reminder to the user (its e-mail's name, or its key)
   * @param french - what went wrong
   * @param english - the same, in English
   */
  constructor(
    readonly reminder: string,
    readonly french: string,
    readonly english: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(`Brouillon Outlook de la relance «${reminder}» non créé : ${french} / Outlook draft of reminder «${reminder}» not created: ${english}`, options);
    this.name = "GraphDraftError";
  }
}

/** Graph's error answer in a few words: "429 ApplicationThrottled: Application is over…". */
export function graphErrorText(status: number, body: unknown): string {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === "string" ? ` ${error.code}` : "";
  const message = typeof error?.message === "string" ? `: ${error.message.slice(0, 200)}` : "";
  return `HTTP ${status}${code}${message}`;
}
