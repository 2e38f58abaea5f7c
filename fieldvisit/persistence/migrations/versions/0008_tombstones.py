"""tombstones of deleted records, generations and contents of exchanged versions, conflict kinds

``tombstones`` holds the deleted records of each visit (id, kind, deletion time, the content
hash of the version deleted and a token naming the deletion); they go with their visit.
``sync_states`` gains each exchanged version's generation and content (the base of field-by-
field merges); ``merge_conflicts`` its kind (an edit on both sides, or a deletion against an
edit) and the fields in conflict. New table and new nullable or defaulted columns only: no
existing table is rebuilt, and rows already there stay valid (old versions without generation
or content, old conflicts as edits of every differing field).

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'tombstones',
        sa.Column('record_id', sa.Uuid(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('visit_id', sa.Uuid(), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=False),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('deletion', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['visit_id'], ['visits.id'],
                                name=op.f('fk_tombstones_visit_id_visits'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('record_id', name=op.f('pk_tombstones')),
    )
    op.create_index(op.f('ix_tombstones_visit_id'), 'tombstones', ['visit_id'])
    op.add_column('sync_states', sa.Column('generation', sa.Integer(), nullable=True))
    op.add_column('sync_states', sa.Column('content', sa.JSON(), nullable=True))
    op.add_column('merge_conflicts', sa.Column('kind', sa.String(length=20), nullable=False,
                                               server_default='edit'))
    op.add_column('merge_conflicts', sa.Column('fields', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('merge_conflicts') as batch:
        batch.drop_column('fields')
        batch.drop_column('kind')
    with op.batch_alter_table('sync_states') as batch:
        batch.drop_column('content')
        batch.drop_column('generation')
    op.drop_index(op.f('ix_tombstones_visit_id'), table_name='tombstones')
    op.drop_table('tombstones')
