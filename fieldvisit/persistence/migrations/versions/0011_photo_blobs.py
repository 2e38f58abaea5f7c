"""photo blobs: the photo files of a shared (PostgreSQL) database, for the whole team

On a team server each laptop keeps photo files in its own photo folder; the server keeps a copy
of every photo's original and display copy in ``photo_blobs``, so a colleague's photos can be
fetched into this laptop's folder when they are shown, reported or packed
(``services/photo_sharing.py``). Rows outlive their photo record (an undo of a delete needs
them; a copy that nobody points at harms nothing). SQLite files keep their photos beside them:
nothing is created there. Made by hand, not by the ORM models.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("""CREATE TABLE photo_blobs (
        photo_id UUID NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('original', 'display')),
        data BYTEA NOT NULL,
        PRIMARY KEY (photo_id, kind))""")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE photo_blobs")
