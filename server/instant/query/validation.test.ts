import { describe, expect, test } from 'vitest'
import { runInstaql } from './run-instaql.ts'
import { TestApp } from './test-app.ts'

const app = new TestApp(
  {
    items: {
      value: { type: 'number', indexed: true },
      label: { type: 'string', indexed: true },
      tag: { type: 'string' },
      when: { type: 'date', indexed: true },
      raw: {},
    },
    owners: { name: { type: 'string' } },
  },
  [{ forward: ['items', 'owner', 'one'], reverse: ['owners', 'items', 'many'] }],
)
const store = app.store()
const run = (q: Record<string, unknown>) => () => runInstaql({ store }, q)
const where = (w: unknown) => run({ items: { $: { where: w } } })

describe('option validation (instaql.clj coerce-option-map!)', () => {
  test('limit, first and last must be positive integers, and only one of them', () => {
    expect(run({ items: { $: { limit: 0 } } })).toThrow('The limit field must be a positive integer. Got 0.')
    expect(run({ items: { $: { last: 1.5 } } })).toThrow(
      'The last field must be a positive integer. Got 1.5.',
    )
    expect(run({ items: { $: { limit: 1, first: 2 } } })).toThrow('Only provide one of `limit` or `first`.')
  })

  test('offset must be a non-negative integer', () => {
    expect(run({ items: { $: { offset: -1 } } })).toThrow(
      'The offset field must be a non-negative integer. Got -1.',
    )
  })

  test('unknown $ keys are rejected', () => {
    expect(run({ items: { $: { sort: 'x' } } })).toThrow(
      'We only support `where`, `order`, `limit`, `offset`, `before`, and `after` clauses.',
    )
  })

  test('cursors must look like join rows', () => {
    expect(run({ items: { $: { after: 'abc' } } })).toThrow('Expected a join row for the cursor, got "abc".')
    expect(run({ items: { $: { after: [1, 2] } } })).toThrow(
      'Expected a join row with 4 items for the cursor',
    )
    expect(run({ items: { $: { before: ['e', 'not-a-uuid', 1, 2] } } })).toThrow(
      'Expected a join row with a uuid attribute id in the second position',
    )
  })

  test('nested forms may not use offset, before or after', () => {
    expect(run({ owners: { items: { $: { offset: 1 } } } })).toThrow(
      'We currently only support `offset`, `before`, and `after` clauses on the top-level field.',
    )
  })

  test('aggregates are admin-only and fields must be an array', () => {
    expect(run({ items: { $: { aggregate: 'count' } } })).toThrow(
      'Aggregates are currently only available for admin queries.',
    )
    expect(run({ items: { $: { fields: 'value' } } })).toThrow(
      'The `fields` property should be an array of field names.',
    )
  })

  test('a data attr used as a nested form is rejected', () => {
    expect(run({ items: { label: {} } })).toThrow('items.label needs to be a link')
  })

  test('$$ruleParams is ignored and unknown nested labels are just empty', () => {
    expect(run({ $$ruleParams: { x: 1 }, items: { nope: {} } })).not.toThrow()
  })

  test('errors are validation-failed with the real server message prefix', () => {
    expect(run({ items: { $: { limit: 0 } } })).toThrow(/^Validation failed for query: /)
  })
})

describe('where validation (attr_pat.clj)', () => {
  test('values must be strings, numbers, booleans or operator maps', () => {
    expect(where({ label: null })).toThrow('Invalid where value for `label`: null.')
    expect(where({ label: ['a'] })).toThrow('Invalid where value for `label`')
    expect(where({ label: { $in: 'a' } })).toThrow('Invalid where value for `label`')
    expect(where({ label: { $regex: 'a' } })).toThrow('Invalid where value for `label`')
    expect(where({ value: { $isNull: 'yes' } })).toThrow('Invalid where value for `value`')
  })

  test('comparisons need an indexed, typed attr and a value of its type', () => {
    expect(where({ tag: { $gt: 'a' } })).toThrow(
      'The `items.tag` attribute must be indexed to use comparison operators.',
    )
    expect(where({ raw: { $gt: 'a' } })).toThrow(
      'The `items.raw` attribute must be indexed to use comparison operators.',
    )
    expect(where({ value: { $gt: 'a' } })).toThrow(
      'The data type of `items.value` is `number`, but the query got the value `"a"` of type `string`.',
    )
    expect(where({ label: { $like: 5 } })).toThrow('The $like value for `items.label` must be a string')
    expect(where({ when: { $gt: 'now' } })).toThrow('The data type of `items.when` is `date`')
    expect(where({ when: { $gt: '2024-01-01' } })).not.toThrow()
  })

  test('typed attrs reject values of another type, even for equality', () => {
    expect(where({ value: '3' })).toThrow('The data type of `items.value` is `number`')
    expect(where({ label: { $in: ['a', 2] } })).toThrow('The data type of `items.label` is `string`')
  })

  test('links compare with uuids only', () => {
    expect(where({ owner: 'bob' })).toThrow('Expected owner to be a uuid, got "bob"')
    expect(where({ owner: { $in: ['bob'] } })).toThrow(
      'Expected owner to match on a uuid, found "bob" in ["bob"]',
    )
    expect(where({ owner: { $isNull: true } })).not.toThrow()
  })

  test('null in $in needs an indexed attr', () => {
    expect(where({ tag: { $in: [null] } })).toThrow(
      'Only indexed attrs can check for `nil` in `$in`. items.tag is not indexed.',
    )
    expect(where({ label: { $in: [null] } })).not.toThrow()
  })

  test('or and and need non-empty lists; a link in the middle of a path must be a link', () => {
    expect(where({ or: [] })).toThrow("The list of `or` conditions can't be empty.")
    expect(where({ and: [] })).toThrow("The list of `and` conditions can't be empty.")
    expect(where({ 'label.name': 'x' })).toThrow('items.label needs to be a link')
  })
})
