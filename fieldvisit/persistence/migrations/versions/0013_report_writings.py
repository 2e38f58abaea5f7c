"""report writings: what the writer wrote for a visit's report and brief

One row per visit (``visit_id`` unique), removed with its visit. Every text is NULL while the
section follows the draft the app assembles from the visit's data; ``version`` and
``changed_by`` as every record has them (0012). On a shared PostgreSQL database its writes are
logged in ``record_changes`` (0010) as kind ``report_writing``, so other windows see them. A
new table only: nothing existing is rebuilt.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

TEXTS = ('title', 'lead', 'basics', 'practices', 'problems', 'suggestions', 'signed_by')
BRIEF = ('brief_title', 'brief_text', 'brief_masthead', 'brief_issue', 'brief_compiled_by',
         'brief_send_to')


def upgrade() -> None:
    op.create_table(
        'report_writings',
        sa.Column('visit_id', sa.Uuid(), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=True) for name in TEXTS),
        sa.Column('signed_on', sa.Date(), nullable=True),
        *(sa.Column(name, sa.Text(), nullable=True) for name in BRIEF),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
        sa.Column('changed_by', sa.Text(), server_default='', nullable=False),
        sa.ForeignKeyConstraint(['visit_id'], ['visits.id'],
                                name=op.f('fk_report_writings_visit_id_visits'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_report_writings')),
        sa.UniqueConstraint('visit_id', name=op.f('uq_report_writings_visit_id')),
    )
    if op.get_bind().dialect.name == 'postgresql':  # the log of 0010, for live updates
        op.execute("""CREATE TRIGGER report_writings_record_changed
            AFTER INSERT OR UPDATE OR DELETE ON report_writings
            FOR EACH ROW EXECUTE FUNCTION fieldvisit_record_changed('report_writing',
                                                                    'visit_id')""")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER report_writings_record_changed ON report_writings")
    op.drop_table('report_writings')
