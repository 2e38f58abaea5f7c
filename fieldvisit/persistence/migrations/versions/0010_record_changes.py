"""record changes: a log of every write to a shared (PostgreSQL) database, for live updates

On a team server several clients write the same visits. Each insert, update and delete of a
record appends a row (kind, record id, visit id, writing client) to ``record_changes``; every
window polls the rows after the last one it saw and re-reads what they name, so a change made
by a colleague shows without a restart, and an open editor is told when its note changed.
The writing client is the transaction's ``fieldvisit.client`` setting (``change_log.py``).

SQLite files are opened by one window at a time (``session_lock``): nothing is created there.
The table is made by hand, not by the ORM models (``include_name`` leaves it out).

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-04
"""
from alembic import op

revision = '0010'
down_revision = '0008'
branch_labels = None
depends_on = None

# table → the kind named in the log, and how its visit is found
TABLES = {
    "visits": ("visit", "id"), "delegation_members": ("delegation", "visit_id"),
    "participations": ("participations", "visit_id"), "absences": ("absences", "visit_id"),
    "stops": ("stops", "visit_id"), "notes": ("notes", "visit_id"),
    "key_figures": ("key_figures", "visit_id"), "follow_ups": ("follow_ups", "visit_id"),
    "photos": ("photos", "visit_id"), "people": ("people", ""),
    "organizations": ("organizations", ""), "sites": ("sites", ""),
}

FUNCTION = """
CREATE FUNCTION fieldvisit_record_changed() RETURNS trigger AS $$
DECLARE
    row jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
    INSERT INTO record_changes (kind, record_id, visit_id, client)
    VALUES (TG_ARGV[0], (row->>'id')::uuid,
            CASE WHEN TG_ARGV[1] = '' THEN NULL ELSE (row->>TG_ARGV[1])::uuid END,
            coalesce(current_setting('fieldvisit.client', true), ''));
    PERFORM pg_notify('fieldvisit_changes', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("""CREATE TABLE record_changes (
        id BIGSERIAL PRIMARY KEY,
        kind TEXT NOT NULL,
        record_id UUID NOT NULL,
        visit_id UUID,
        client TEXT NOT NULL,
        changed_at TIMESTAMPTZ NOT NULL DEFAULT now())""")
    op.execute(FUNCTION)
    for table, (kind, visit) in TABLES.items():
        op.execute(f"""CREATE TRIGGER {table}_record_changed
            AFTER INSERT OR UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION fieldvisit_record_changed('{kind}', '{visit}')""")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER {table}_record_changed ON {table}")
    op.execute("DROP FUNCTION fieldvisit_record_changed()")
    op.execute("DROP TABLE record_changes")
