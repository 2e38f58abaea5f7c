"""every record keeps its revision in this database and who wrote it

``version`` (existing rows start at 1) makes a write based on an older revision fail instead of
overwriting a change it never saw; ``changed_by`` names the last writer ("name @ machine").
Both are local to a database: visit documents and packages do not carry them. Columns are
added in place (no table is rebuilt, so the search triggers stay).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

TABLES = ('organizations', 'people', 'visits', 'delegation_members', 'participations',
          'absences', 'sites', 'stops', 'notes', 'key_figures', 'follow_ups', 'photos')


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column('version', sa.Integer(), server_default='1',
                                       nullable=False))
        op.add_column(table, sa.Column('changed_by', sa.Text(), server_default='',
                                       nullable=False))


def downgrade() -> None:
    for table in TABLES:  # SQLite 3.35+ drops columns in place: the triggers stay
        op.drop_column(table, 'changed_by')
        op.drop_column(table, 'version')
