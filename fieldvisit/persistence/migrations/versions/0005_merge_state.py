"""merge state of visit packages: exchanged content hashes and conflicts to resolve

``sync_states`` holds, per record, the content hashes it had when it was packed or unpacked;
``merge_conflicts`` the other computer's version of records edited on both sides. New tables
only: no existing table is rebuilt (0004's search triggers stay in place).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sync_states',
        sa.Column('record_id', sa.Uuid(), nullable=False),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('record_id', 'content_hash', name=op.f('pk_sync_states')),
    )
    op.create_table(
        'merge_conflicts',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('visit_id', sa.Uuid(), nullable=True),
        sa.Column('record_type', sa.String(length=40), nullable=False),
        sa.Column('record_id', sa.Uuid(), nullable=False),
        sa.Column('incoming', sa.JSON(), nullable=False),
        sa.Column('incoming_hash', sa.String(length=64), nullable=False),
        sa.Column('resolved', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_merge_conflicts')),
    )
    op.create_index(op.f('ix_merge_conflicts_record_id'), 'merge_conflicts', ['record_id'])
    op.create_index(op.f('ix_merge_conflicts_visit_id'), 'merge_conflicts', ['visit_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_merge_conflicts_visit_id'), table_name='merge_conflicts')
    op.drop_index(op.f('ix_merge_conflicts_record_id'), table_name='merge_conflicts')
    op.drop_table('merge_conflicts')
    op.drop_table('sync_states')
