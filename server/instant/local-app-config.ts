// Loads the project's schema and rules for the local app, as plain JSON the server can store.

import rules from '../../instant.perms.ts'
import schema from '../../instant.schema.ts'
import type { SchemaJson } from './model/schema-attrs.ts'

export function projectLocalApp(): { schema: SchemaJson; rules: unknown; title: string } {
  return { schema: JSON.parse(JSON.stringify(schema)) as SchemaJson, rules, title: 'eduhu.ki' }
}
