// Types for the parts of @secvisogram/csaf-validator-lib the export uses (the package ships JSDoc, no .d.ts).
declare module '@secvisogram/csaf-validator-lib/validate.js' {
  export interface CsafValidatorMessage {
    message: string;
    instancePath: string;
  }
  export interface CsafValidatorTestResult {
    name: string;
    isValid: boolean;
    errors: CsafValidatorMessage[];
    warnings: CsafValidatorMessage[];
    infos: CsafValidatorMessage[];
  }
  export type DocumentTest = (doc: unknown) => unknown;
  /** Runs the given tests; `validateStrict` would also pull in the informative tests, which need `import.meta` and cannot be bundled. */
  export default function validate(tests: DocumentTest[], doc: unknown): Promise<{ isValid: boolean; tests: CsafValidatorTestResult[] }>;
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  import type { DocumentTest } from '@secvisogram/csaf-validator-lib/validate.js';
  const tests: Record<string, DocumentTest>;
  export = tests;
}
declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  import type { DocumentTest } from '@secvisogram/csaf-validator-lib/validate.js';
  export const csaf_2_0_strict: DocumentTest;
}
declare module '@secvisogram/csaf-validator-lib/cwe.js' {
  /** The CWE list the validator checks `cwe` against. */
  export const weaknesses: readonly { id: string; name: string }[];
}
