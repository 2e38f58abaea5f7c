"""a visit's day ends after it starts: a stored end not later than the start is dropped

Visits now refuse a day end at or before the day start (``rules.check_day_hours``). Earlier
versions accepted one (typed in the Itinerary tab, or made by 0003 from a first appointment at
or after 18:00); such a visit keeps its start and loses its planned end, so that it still opens.
No table is rebuilt.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    visits = sa.table('visits', sa.column('day_start', sa.Time()), sa.column('day_end', sa.Time()))
    op.get_bind().execute(visits.update().where(
        visits.c.day_end.is_not(None), visits.c.day_end <= visits.c.day_start).values(day_end=None))


def downgrade() -> None:
    pass  # the dropped ends were not valid: nothing to restore
