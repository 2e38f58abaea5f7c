"""Alembic environment: always runs on a connection handed over by ``db.open_database``."""

from alembic import context

from fieldvisit.persistence.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
