// Types of the standalone validator that `npm run build` generates beside this file.
export interface GeneratedError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  propertyName?: string;
  message?: string;
  schema?: unknown;
  parentSchema?: Record<string, unknown>;
  data?: unknown;
}
declare function validate(data: unknown): boolean;
declare namespace validate {
  let errors: GeneratedError[] | null | undefined;
}
export default validate;
