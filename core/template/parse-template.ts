/**
 * Template text → Template, like a compiler: YAML syntax, then the schema, then the checks of
 * check-template.ts; every problem comes back with its path and line, none is thrown.
 */
import { isMap, LineCounter, parseDocument, visit, type Alias, type Document } from 'yaml';
import type { z } from 'zod';
import { issue, type Issue, type PathSegment, type Result } from '../issues.ts';
import { checkTemplate } from './check-template.ts';
import { RULE_KINDS, template as templateSchema, type Template } from './schema.ts';
import {
  firstTooDeepLine,
  MAX_TEMPLATE_ALIASES,
  MAX_TEMPLATE_CHARS,
  MAX_TEMPLATE_DEPTH,
} from './yaml-limits.ts';

export function parseTemplate(source: string, file?: string): Result<Template> {
  const refuse = (e: Issue): Result<Template> => ({ value: undefined, errors: [{ ...e, file }] });
  // Limits first (yaml-limits.ts): a huge or deeply nested text never reaches the parser.
  if (source.length > MAX_TEMPLATE_CHARS)
    return refuse(issue('yaml.too-big', [], { max: MAX_TEMPLATE_CHARS / 1024 / 1024 }));
  const deepAt = firstTooDeepLine(source);
  if (deepAt !== undefined)
    return refuse({ ...issue('yaml.too-deep', [], { max: MAX_TEMPLATE_DEPTH }), line: deepAt });

  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = (errs: Issue[]) => errs.map((e) => withLocation(e, doc, lineCounter, file));

  if (doc.errors.length > 0) {
    // After the first syntax error the parser's further complaints are mostly echoes of it.
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    const at = { file, line: pos.line, column: pos.col };
    // The parser ran out of stack after all: said as what it is, not as a syntax error.
    if (e.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(e.message))
      return {
        value: undefined,
        errors: [{ ...issue('yaml.too-deep', [], { max: MAX_TEMPLATE_DEPTH }), ...at }],
      };
    const msg = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
    return { value: undefined, errors: [{ ...issue('yaml.syntax', [], { message: msg }), ...at }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_TEMPLATE_ALIASES });
  } catch (e) {
    // An alias bomb (a billion laughs): aliases of aliases that would expand without end.
    if (e instanceof ReferenceError) {
      const alias = firstAlias(doc);
      const pos = alias?.range ? lineCounter.linePos(alias.range[0]) : undefined;
      return {
        value: undefined,
        errors: [
          {
            ...issue('yaml.aliases', [], { max: MAX_TEMPLATE_ALIASES }),
            file,
            ...(pos ? { line: pos.line, column: pos.col } : {}),
          },
        ],
      };
    }
    throw e;
  }
  if (!isMap(doc.contents) || data === null || typeof data !== 'object') {
    return { value: undefined, errors: locate([issue('yaml.empty', [])]) };
  }
  const parsed = templateSchema.safeParse(data);
  if (!parsed.success) {
    return { value: undefined, errors: locate(zodIssues(parsed.error.issues, data)) };
  }
  const errors = checkTemplate(parsed.data);
  return errors.length
    ? { value: undefined, errors: locate(errors) }
    : { value: parsed.data, errors: [] };
}

/** The document's first alias, where an alias bomb begins to go off. */
function firstAlias(doc: Document): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function yamlNumber(v: number): string {
  return Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** zod's issues in our codes, so that they can be said in zh-CN too. */
export function zodIssues(issues: readonly z.core.$ZodIssue[], data: unknown): Issue[] {
  const out: Issue[] = [];
  for (const zi of issues) {
    const path = zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as PathSegment[];
    switch (zi.code) {
      case 'invalid_type': {
        const actual = valueAt(data, path);
        // YAML's .nan and .inf are numbers to JavaScript: "expected number, got number" says nothing.
        if (typeof actual === 'number' && !Number.isFinite(actual))
          out.push(issue('schema.not-a-number', path, { value: yamlNumber(actual) }));
        else if (actual === undefined)
          out.push(issue('schema.required', path, { key: String(path[path.length - 1] ?? '') }));
        else
          out.push(
            issue('schema.type', path, { expected: zi.expected, received: typeName(actual) }),
          );
        break;
      }
      case 'unrecognized_keys':
        // At the first unknown key, so the line shown is the key's, not the enclosing object's.
        out.push(
          issue('schema.unknown-key', zi.keys.length ? [...path, zi.keys[0]!] : path, {
            keys: zi.keys.join(', '),
          }),
        );
        break;
      case 'invalid_value':
        out.push(
          issue('schema.enum', path, {
            value: JSON.stringify(valueAt(data, path)),
            allowed: zi.values.map(String).join(', '),
          }),
        );
        break;
      case 'invalid_union':
        if ('discriminator' in zi && zi.discriminator === 'kind') {
          const value = valueAt(data, path);
          out.push(
            issue('rule.unknown-kind', path, {
              value: value === undefined ? '(none)' : JSON.stringify(value),
              allowed: RULE_KINDS.join(', '),
            }),
          );
        } else out.push(issue('schema.invalid', path, { message: zi.message }));
        break;
      case 'too_small':
        out.push(
          issue('schema.too-small', path, {
            origin: zi.origin,
            minimum: Number(zi.minimum),
            inclusive: zi.inclusive === false ? 'no' : 'yes',
          }),
        );
        break;
      case 'too_big':
        out.push(issue('schema.too-big', path, { origin: zi.origin, maximum: Number(zi.maximum) }));
        break;
      case 'invalid_format':
        out.push(issue('schema.format', path, { expected: zi.message }));
        break;
      default:
        out.push(issue('schema.invalid', path, { message: zi.message }));
    }
  }
  return out;
}

/** The line of the deepest node on the path that exists in the document. */
function withLocation(e: Issue, doc: Document, lc: LineCounter, file: string | undefined): Issue {
  for (let n = e.path.length; n >= 0; n--) {
    const node = doc.getIn(e.path.slice(0, n), true) as
      { range?: [number, number, number] } | undefined;
    if (node && node.range) {
      const pos = lc.linePos(node.range[0]);
      return { ...e, file, line: pos.line, column: pos.col };
    }
  }
  return { ...e, file };
}
