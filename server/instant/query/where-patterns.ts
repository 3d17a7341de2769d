// Compiles a where clause into datalog patterns the way the client's instaql.ts makeWhere does:
// same variables (?etype-level, shared across keys, namespaced per or/and branch), same $not and
// $isNull expansions. Sharing the shape is what makes the client's re-filter agree with us.

import type { AttrIndex } from '../model/triple-store.ts'
import type { Attr } from '../model/types.ts'
import { invalidQuery, isPlainObject, type QueryErrorSite } from './invalid-query.ts'
import { assertWhereShape, assertWhereValue } from './where-validation.ts'
import { type Term, type ValueTest, valueMatchOf } from './where-values.ts'

export type Pattern =
  /** [e a v]: e and v are variables or constants; v may be a value test. */
  | { kind: 'triple'; e: Term; attr: Attr; v: Term | ValueTest }
  /** Matches e's id triple when e's attr is (not) null; reverse: no ref triple points at e. */
  | { kind: 'null'; e: string; idAttr: Attr; attr: Attr; isNull: boolean; reverse: boolean }
  /** The server-only `$entityIdStartsWith` filter (the client ignores the key). */
  | { kind: 'idPrefix'; e: string; prefix: string }
  | { kind: 'or' | 'and'; branches: Pattern[][] }

/** Thrown when a where names an attr that does not exist: the form then yields nothing, no error. */
export class MissingAttr extends Error {}

type MakeVar = (etype: string, level: number) => string

export const levelVar: MakeVar = (etype, level) => `${etype}-${level}`

interface Compiler {
  attrs: AttrIndex
  site: QueryErrorSite
}

/** Patterns for `where` on etype at level (without the entity's own id pattern). */
export function compileWhere(
  attrs: AttrIndex,
  site: QueryErrorSite,
  etype: string,
  level: number,
  where: Record<string, unknown>,
): Pattern[] {
  return parseWhere({ attrs, site }, levelVar, etype, level, where)
}

/** [?e id ?e]: every entity the client shows must have its id triple. */
export function idPattern(idAttr: Attr, entityVar: string): Pattern {
  return { kind: 'triple', e: { var: entityVar }, attr: idAttr, v: { var: entityVar } }
}

function parseWhere(c: Compiler, mk: MakeVar, etype: string, level: number, where: unknown): Pattern[] {
  if (!isPlainObject(where)) throw invalidQuery(c.site, 'map?', 'Each where clause must be an object.')
  return Object.entries(where).flatMap(([key, raw]): Pattern[] => {
    if ((key === 'or' || key === 'and') && Array.isArray(raw)) return [clauses(c, mk, key, etype, level, raw)]
    assertWhereShape(c.site, key, raw)
    if (key === '$entityIdStartsWith') return [{ kind: 'idPrefix', e: mk(etype, level), prefix: String(raw) }]
    const path = key.split('.')
    let v = raw
    if (isPlainObject(v) && Object.hasOwn(v, '$ne')) {
      const { $ne, ...rest } = v
      v = { ...rest, $not: $ne }
    }
    if (isPlainObject(v) && Object.hasOwn(v, '$not')) {
      // $not alone would miss entities without the attr, so the client ORs in "null at any step".
      const branches = [
        pathPatterns(c, mk, etype, level, path, v),
        ...nullAlongPath(c, mk, etype, level, path),
      ]
      return [{ kind: 'or', branches }]
    }
    if (isPlainObject(v) && v.$isNull === true && path.length > 1) {
      return [{ kind: 'or', branches: nullAlongPath(c, mk, etype, level, path) }]
    }
    return pathPatterns(c, mk, etype, level, path, v)
  })
}

function clauses(
  c: Compiler,
  mk: MakeVar,
  kind: 'or' | 'and',
  etype: string,
  level: number,
  list: unknown[],
) {
  if (list.length === 0)
    throw invalidQuery(c.site, 'non-empty-list?', `The list of \`${kind}\` conditions can't be empty.`)
  const joinVar = mk(etype, level)
  // Each branch gets its own variables except the entity being filtered, like the client's genMakeVar.
  const branches = list.map((w, i) =>
    parseWhere(
      c,
      (x, l) => {
        const base = mk(x, l)
        return base === joinVar ? base : `${base}-${i}`
      },
      etype,
      level,
      w,
    ),
  )
  return { kind, branches } satisfies Pattern
}

/** One branch per prefix of path: [a] is null, or [a, b] is null, ... */
function nullAlongPath(c: Compiler, mk: MakeVar, etype: string, level: number, path: string[]) {
  return path.map((_, i) => pathPatterns(c, mk, etype, level, path.slice(0, i + 1), { $isNull: true }))
}

/** Link hops along path, then the test on its last label. */
function pathPatterns(
  c: Compiler,
  mk: MakeVar,
  etype: string,
  level: number,
  path: string[],
  v: unknown,
): Pattern[] {
  const out: Pattern[] = []
  let at = etype
  let lvl = level
  for (const label of path.slice(0, -1)) {
    const fwd = c.attrs.byForward(at, label)
    const attr = fwd ?? c.attrs.byReverse(at, label)
    if (!attr) throw new MissingAttr(`${at}.${label}`)
    if (attr['value-type'] !== 'ref') throw invalidQuery(c.site, 'link?', `${at}.${label} needs to be a link`)
    const fwdEtype = attr['forward-identity'][1]
    const revEtype = attr['reverse-identity']?.[1]
    if (revEtype === undefined) throw new MissingAttr(`${at}.${label}`)
    out.push(
      fwd
        ? { kind: 'triple', e: { var: mk(fwdEtype, lvl) }, attr, v: { var: mk(revEtype, lvl + 1) } }
        : { kind: 'triple', e: { var: mk(fwdEtype, lvl + 1) }, attr, v: { var: mk(revEtype, lvl) } },
    )
    at = fwd ? revEtype : fwdEtype
    lvl += 1
  }
  out.push(valuePattern(c, mk, at, lvl, path[path.length - 1] ?? '', v))
  return out
}

function valuePattern(
  c: Compiler,
  mk: MakeVar,
  etype: string,
  level: number,
  label: string,
  v: unknown,
): Pattern {
  const fwd = c.attrs.byForward(etype, label)
  const attr = fwd ?? c.attrs.byReverse(etype, label)
  if (!attr) throw new MissingAttr(`${etype}.${label}`)
  if (isPlainObject(v) && Object.hasOwn(v, '$isNull')) {
    const idAttr = c.attrs.idAttr(etype)
    if (!idAttr) throw new MissingAttr(`${etype}.id`)
    return { kind: 'null', e: mk(etype, level), idAttr, attr, isNull: Boolean(v.$isNull), reverse: !fwd }
  }
  assertWhereValue({ root: c.site.root, in: [...c.site.in, label] }, attr, label, v)
  if (fwd) return { kind: 'triple', e: { var: mk(etype, level) }, attr, v: valueMatchOf(attr, v) }
  // A reverse label puts the value in the entity position: [v link ?e]. Operator maps never match there.
  return { kind: 'triple', e: { value: v }, attr, v: { var: mk(etype, level) } }
}
