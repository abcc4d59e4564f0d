// citation.js ships no types; the RIS test uses only this much of it.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: string);
    data: unknown[];
  }
}
declare module '@citation-js/plugin-ris';
