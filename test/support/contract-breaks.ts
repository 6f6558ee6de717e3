/**
 * The ways a new JSON Schema of a published record would break upstream systems that write to
 * the old one: a field removed, a field made required, an enum or a type narrowed. Widening
 * (a new optional field, a new enum value, a new branch of a union) is allowed.
 */
type Schema = Record<string, unknown>;

const asSchema = (value: unknown): Schema | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : undefined;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function typesOf(schema: Schema): string[] {
  return list(schema.type).map(String);
}

/** The branch of a union (or the schema itself) that takes the old schema's type. */
function counterpart(old: Schema, current: Schema): Schema {
  const branches = list(current.anyOf ?? current.oneOf).map(asSchema).filter((b): b is Schema => b !== undefined);
  if (branches.length === 0 || old.anyOf !== undefined || old.oneOf !== undefined) return current;
  return branches.find((b) => typesOf(b).some((t) => typesOf(old).includes(t))) ?? current;
}

/** Every break from `old` to `current`, as "JSON pointer: what"; empty when the change is compatible. */
export function contractBreaks(old: Schema, current: Schema, at = ''): string[] {
  const now = counterpart(old, current);
  const breaks: string[] = [];
  const oldTypes = typesOf(old);
  const newTypes = typesOf(now);
  if (oldTypes.length > 0) {
    if (newTypes.length === 0 && now.anyOf === undefined) breaks.push(`${at}: type removed`);
    const lost = oldTypes.filter((t) => newTypes.length > 0 && !newTypes.includes(t) && !(t === 'integer' && newTypes.includes('number')));
    if (lost.length > 0) breaks.push(`${at}: type narrowed (no longer ${lost.join(', ')})`);
  }
  if (old.enum !== undefined || now.enum !== undefined) {
    const before = list(old.enum ?? []);
    const after = list(now.enum ?? []);
    const lost = old.enum === undefined ? ['any value'] : before.filter((v) => !after.some((a) => a === v));
    if (now.enum !== undefined && lost.length > 0) breaks.push(`${at}: enum narrowed (no longer ${lost.map(String).join(', ')})`);
  }
  if (old.const !== undefined && now.const !== undefined && old.const !== now.const) breaks.push(`${at}: const changed`);
  const oldProps = asSchema(old.properties) ?? {};
  const newProps = asSchema(now.properties) ?? {};
  for (const [key, value] of Object.entries(oldProps)) {
    const next = asSchema(newProps[key]);
    if (!next) breaks.push(`${at}/${key}: field removed`);
    else breaks.push(...contractBreaks(asSchema(value) ?? {}, next, `${at}/${key}`));
  }
  const oldRequired = list(old.required).map(String);
  for (const key of list(now.required).map(String)) {
    if (!oldRequired.includes(key)) breaks.push(`${at}/${key}: field became required`);
  }
  const items = asSchema(old.items);
  const nextItems = asSchema(now.items);
  if (items && nextItems) breaks.push(...contractBreaks(items, nextItems, `${at}/items`));
  const oldBranches = list(old.anyOf ?? old.oneOf).map(asSchema);
  const newBranches = list(now.anyOf ?? now.oneOf).map(asSchema);
  oldBranches.forEach((branch, i) => {
    const next = newBranches[i];
    if (!branch) return;
    if (!next) breaks.push(`${at}/anyOf/${i}: branch removed`);
    else breaks.push(...contractBreaks(branch, next, `${at}/anyOf/${i}`));
  });
  return breaks;
}
