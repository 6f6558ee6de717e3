import type { StoreMigration } from './store-migration.js';

/** Decisions, revisions, content-addressed files, items, follow-ups and the audit log. */
export const initialSchema: StoreMigration = {
  version: 1,
  name: 'initial-schema',
  async up(db, dialect) {
    await db.schema
      .createTable('decisions')
      .addColumn('decision_id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('current_revision', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('purged_at', 'text')
      .addColumn('history_json', 'text')
      .execute();

    await db.schema
      .createTable('revisions')
      .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.decision_id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('record_json', 'text', (c) => c.notNull())
      .addColumn('record_sha256', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('plan_json', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('approval_policy', 'text', (c) => c.notNull())
      .addColumn('rejected_by', 'text')
      .addColumn('rejected_at', 'text')
      .addColumn('rejection_reason', 'text')
      .addPrimaryKeyConstraint('revisions_pk', ['decision_id', 'revision'])
      .execute();

    await db.schema
      .createTable('files')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('bytes', dialect.bytesType, (c) => c.notNull())
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('revision_files')
      .addColumn('decision_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256'))
      .addPrimaryKeyConstraint('revision_files_pk', ['decision_id', 'revision', 'sha256'])
      .addForeignKeyConstraint('revision_files_revision_fk', ['decision_id', 'revision'], 'revisions', ['decision_id', 'revision'])
      .execute();
    await db.schema.createIndex('revision_files_sha256').on('revision_files').column('sha256').execute();

    await db.schema
      .createTable('items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('decision_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('languages', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text')
      .addColumn('envelope_json', 'text')
      .addColumn('address_block_json', 'text')
      .addColumn('page_count', 'integer')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('state_changed_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('first_attempt_at', 'text')
      .addColumn('next_attempt_at', 'text')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('last_smtp_code', 'integer')
      .addColumn('last_error_code', 'text')
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'text')
      .addUniqueConstraint('items_position_unique', ['decision_id', 'revision', 'position'])
      .addUniqueConstraint('items_key_unique', ['decision_id', 'revision', 'item_key'])
      .addForeignKeyConstraint('items_revision_fk', ['decision_id', 'revision'], 'revisions', ['decision_id', 'revision'])
      .addForeignKeyConstraint('items_file_fk', ['decision_id', 'revision', 'sha256'], 'revision_files', ['decision_id', 'revision', 'sha256'])
      .execute();
    // The delivery worker's question: which items of a channel are in a state, by time.
    await db.schema.createIndex('items_channel_state').on('items').columns(['channel', 'state', 'next_attempt_at']).execute();
    await db.schema.createIndex('items_state_changed').on('items').columns(['state', 'state_changed_at']).execute();

    await db.schema
      .createTable('follow_ups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('decision_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('if_not_confirmed', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('state_changed_at', 'text', (c) => c.notNull())
      .addForeignKeyConstraint('follow_ups_revision_fk', ['decision_id', 'revision'], 'revisions', ['decision_id', 'revision'])
      .execute();
    await db.schema.createIndex('follow_ups_state_due').on('follow_ups').columns(['state', 'due_on']).execute();
    await db.schema.createIndex('follow_ups_decision').on('follow_ups').columns(['decision_id', 'revision']).execute();

    await db.schema
      .createTable('follow_up_persons')
      .addColumn('follow_up_id', 'text', (c) => c.notNull().references('follow_ups.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('uci', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('follow_up_persons_pk', ['follow_up_id', 'uci'])
      .execute();

    await db.schema
      .createTable('person_outcomes')
      .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.decision_id'))
      .addColumn('uci', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('on_date', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('person_outcomes_pk', ['decision_id', 'uci', 'kind'])
      .execute();

    // No foreign keys: the audit log outlives the rows it speaks of (purge keeps it).
    await dialect
      .addIdentityColumn(db.schema.createTable('audit_events'), 'seq')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('decision_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer')
      .addColumn('item_id', 'text')
      .addColumn('follow_up_id', 'text')
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text')
      .addColumn('actor', 'text')
      .addColumn('code', 'text')
      .addColumn('smtp_code', 'integer')
      .addColumn('attempts', 'integer')
      .addColumn('sha256', 'text')
      .addColumn('policy', 'text')
      .execute();
    await db.schema.createIndex('audit_events_decision').on('audit_events').columns(['decision_id', 'seq']).execute();
  },
};
