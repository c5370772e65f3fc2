/**
 * A refusal as data, which each door (tRPC, REST, the admin) words in its own
 * vocabulary: `text` names API fields as `{apiKey}` and carries values as
 * `{name}` from `params`. The core never writes a field's display name into a
 * sentence, so no door has to rewrite another's.
 */
export interface IssueText {
  /** E.g. `"{dateStopLocal} ({stop}) is before {dateStartLocal}"`. */
  text: string;
  /** Literal values (what the caller sent, ids, dates): never read as field names. */
  params?: Readonly<Record<string, string | number>>;
}

/** The sentence, with each `{apiKey}` named by `nameOf` and each `{param}` filled in; one pass, so values are never re-read. */
export function renderIssue({ text, params }: IssueText, nameOf: (apiKey: string) => string): string {
  return text.replace(/\{([A-Za-z_][\w.]*)\}/g, (_, name: string) => (params && Object.hasOwn(params, name) ? String(params[name]) : nameOf(name)));
}

/** `{apiKey}`: the placeholder a door replaces by its own name for the field. */
export const fieldRef = (apiKey: string): string => `{${apiKey}}`;
