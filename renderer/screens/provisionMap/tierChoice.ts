/**
 * A tier as a choice in a list (the line editor's and the new line's tier boxes): its name, then whether it
 * is ALP, "Targeted (Not ALP)". A tier named as that word already ("ALP", "DDY") is not told it twice
 * ("ALP (ALP)"); the comparison ignores case and the spaces around the name.
 */
export function tierChoiceLabel(name: string, isAlp: boolean, words: { alp: string; notAlp: string }): string {
  const kind = isAlp ? words.alp : words.notAlp;
  return name.trim().toLocaleLowerCase() === kind.toLocaleLowerCase() ? name.trim() : `${name} (${kind})`;
}
