/** A rule ZATCA would apply that a document breaks, in both languages. */
export interface RuleViolation {
  /** ZATCA's rule id (BR-…), or NUQTA-… for the till's own. */
  rule: string;
  message: { en: string; ar: string };
}
