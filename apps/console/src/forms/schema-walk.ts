import type { z } from 'zod';

/**
 * What a zod schema asks for, read from its definition, so that a form can be drawn from the very
 * schema the service validates with (packages/shared): one statement of each rule.
 */
export type TNode =
  | { kind: 'text'; optional: boolean; long: boolean; format?: string }
  | { kind: 'instant'; optional: boolean }
  | { kind: 'date'; optional: boolean }
  | { kind: 'id'; optional: boolean }
  | { kind: 'number'; optional: boolean; step?: number }
  | { kind: 'boolean'; optional: boolean }
  | { kind: 'choice'; optional: boolean; values: string[] }
  | { kind: 'fixed'; optional: boolean; value: unknown }
  | { kind: 'list'; optional: boolean; element: TNode; min: number }
  | { kind: 'object'; optional: boolean; fields: [string, TNode][] }
  | { kind: 'union'; optional: boolean; discriminator: string; options: Map<string, [string, TNode][]> }
  | { kind: 'unknown'; optional: boolean };

interface TDef {
  type: string;
  format?: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  options?: z.core.$ZodType[];
  discriminator?: string;
  checks?: { _zod: { def: { check: string; maximum?: number; minimum?: number; value?: number } } }[];
}

const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as TDef;
const check = (def: TDef, name: string) => def.checks?.find((c) => c._zod.def.check === name)?._zod.def;

export function walk(schema: z.core.$ZodType, optional = false): TNode {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      return walk(def.innerType!, true);
    case 'pipe':
      return walk(def.in!, optional);
    case 'string': {
      if (def.format === 'datetime') return { kind: 'instant', optional };
      if (def.format === 'date') return { kind: 'date', optional };
      if (def.format === 'uuid' || def.format === 'guid') return { kind: 'id', optional };
      const max = check(def, 'max_length')?.maximum ?? 200;
      return { kind: 'text', optional, long: max > 500, ...(def.format ? { format: def.format } : {}) };
    }
    case 'number': {
      const step = check(def, 'multiple_of')?.value;
      return { kind: 'number', optional, ...(step ? { step } : {}) };
    }
    case 'boolean':
      return { kind: 'boolean', optional };
    case 'enum':
      return { kind: 'choice', optional, values: Object.values(def.entries!) };
    case 'literal':
      return { kind: 'fixed', optional, value: def.values![0] };
    case 'array':
      return {
        kind: 'list',
        optional,
        element: walk(def.element!),
        min: check(def, 'min_length')?.minimum ?? 0,
      };
    case 'object':
      return { kind: 'object', optional, fields: objectFields(schema) };
    case 'union': {
      if (!def.discriminator) return { kind: 'unknown', optional };
      const options = new Map<string, [string, TNode][]>();
      for (const option of def.options!) {
        const fields = objectFields(option);
        const tag = fields.find(([k]) => k === def.discriminator)?.[1];
        if (tag?.kind === 'fixed') options.set(String(tag.value), fields);
      }
      return { kind: 'union', optional, discriminator: def.discriminator, options };
    }
    default:
      return { kind: 'unknown', optional };
  }
}

function objectFields(schema: z.core.$ZodType): [string, TNode][] {
  const def = defOf(schema);
  return Object.entries(def.shape ?? {}).map(([key, s]) => [key, walk(s)]);
}

/** The shape of an officer named in a record (`{ name, certificateNumber }`). */
export const isNamedOfficer = (node: TNode) =>
  node.kind === 'object' &&
  node.fields.length === 2 &&
  node.fields.some(([k]) => k === 'name') &&
  node.fields.some(([k]) => k === 'certificateNumber');
