"""search on PostgreSQL: each text stored lower-cased too, for terms with letters

``search_documents.folded`` (PostgreSQL only): ``lower(text)``, generated and stored, NULL
when lowering changes nothing (Chinese text). A term with cased letters ("charging") was
checked against ``lower()`` of every text the search read, most of its time: at 1,000,000
notes reading 35,000 texts took 39 ms lowering each and 25 ms reading ``folded``. Adding the
column rewrites the table (about 2.5 minutes at 1,000,000 notes). SQLite is unchanged: its
LIKE and FTS5 indexes fold case themselves.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

FOLDED = "CASE WHEN lower(text) <> text THEN lower(text) END"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE search_documents ADD COLUMN folded text "
                   f"GENERATED ALWAYS AS ({FOLDED}) STORED")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE search_documents DROP COLUMN folded")
