/**
 * cluster-glue's StringToHostList, as its null, ssh and meatware devices read `hostlist`: names
 * separated by blanks or commas, lowercased (node names are lowercase).
 */
export function hostList(text: string): string[] {
  return text
    .split(/[ \t\n\f\r,]+/)
    .filter((h) => h !== '')
    .map((h) => h.toLowerCase());
}
