"""itinerary planning: dwell times, appointments, delays, pins, days; the visit's day

Stops no longer store a planned departure: the timeline computes arrival and departure from the
day's start, the dwell at each stop, travel and appointments. Existing stops keep their planned
arrival as an appointment (``fixed_arrival``) and their planned stay as ``dwell_minutes``.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""
import datetime
import json

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

DEFAULT_TRAVEL = {"detour_factor": 1.4, "walk_kmh": 4.5, "car_kmh": 30.0, "minibus_kmh": 25.0,
                  "public_transport_kmh": 18.0}


def upgrade() -> None:
    with op.batch_alter_table('stops', schema=None) as batch_op:
        batch_op.add_column(sa.Column('day', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('dwell_minutes', sa.Integer(), nullable=False,
                                      server_default='30'))
        batch_op.add_column(sa.Column('delay_minutes', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('pinned', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.alter_column('planned_arrival', new_column_name='fixed_arrival')

    stops = sa.table('stops', sa.column('id', sa.Uuid()),
                     sa.column('fixed_arrival', sa.DateTime()),
                     sa.column('planned_departure', sa.DateTime()),
                     sa.column('dwell_minutes', sa.Integer()), sa.column('day', sa.Integer()),
                     sa.column('visit_id', sa.Uuid()))
    visits = sa.table('visits', sa.column('id', sa.Uuid()), sa.column('start_date', sa.Date()))
    bind = op.get_bind()
    first_days = dict(bind.execute(sa.select(visits.c.id, visits.c.start_date)).all())
    for stop_id, arrival, departure, visit_id in bind.execute(sa.select(
            stops.c.id, stops.c.fixed_arrival, stops.c.planned_departure, stops.c.visit_id)):
        values = {}
        if arrival is not None and departure is not None:
            values['dwell_minutes'] = max(0, int((departure - arrival).total_seconds() // 60))
        first = first_days.get(visit_id)
        if arrival is not None and first is not None:
            values['day'] = max(1, (arrival.date() - first).days + 1)
        if values:
            bind.execute(stops.update().where(stops.c.id == stop_id).values(**values))

    with op.batch_alter_table('stops', schema=None) as batch_op:
        batch_op.drop_column('planned_departure')
        batch_op.alter_column('day', server_default=None)
        batch_op.alter_column('dwell_minutes', server_default=None)
        batch_op.alter_column('delay_minutes', server_default=None)
        batch_op.alter_column('pinned', server_default=None)

    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('day_start', sa.Time(), nullable=False,
                                      server_default='09:00:00.000000'))
        batch_op.add_column(sa.Column('day_end', sa.Time(), nullable=True))
        batch_op.add_column(sa.Column('travel', sa.JSON(), nullable=False,
                                      server_default=json.dumps(DEFAULT_TRAVEL)))
    # A visit's day starts at its first appointment, and is planned to end at 18:00.
    visits_full = sa.table('visits', sa.column('id', sa.Uuid()), sa.column('day_start', sa.Time()),
                           sa.column('day_end', sa.Time()))
    for visit_id in first_days:
        arrivals = [a for (a,) in bind.execute(sa.select(stops.c.fixed_arrival).where(
            stops.c.visit_id == visit_id, stops.c.fixed_arrival.is_not(None)))]
        day: dict[str, datetime.time] = {'day_end': datetime.time(18, 0)}
        if arrivals:
            day['day_start'] = min(arrivals).time()
        bind.execute(visits_full.update().where(visits_full.c.id == visit_id).values(**day))
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.alter_column('day_start', server_default=None)
        batch_op.alter_column('travel', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_column('travel')
        batch_op.drop_column('day_end')
        batch_op.drop_column('day_start')
    with op.batch_alter_table('stops', schema=None) as batch_op:
        batch_op.alter_column('fixed_arrival', new_column_name='planned_arrival')
        batch_op.add_column(sa.Column('planned_departure', sa.DateTime(), nullable=True))
        batch_op.drop_column('pinned')
        batch_op.drop_column('delay_minutes')
        batch_op.drop_column('dwell_minutes')
        batch_op.drop_column('day')
