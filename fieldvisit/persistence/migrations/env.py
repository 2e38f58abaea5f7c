"""Alembic environment: always runs on a connection handed over by ``db.open_database``."""

from alembic import context

from fieldvisit.persistence.models import Base
from fieldvisit.persistence.search_index import include_name

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,  # the FTS search tables are made by hand, not by the models
)
with context.begin_transaction():
    context.run_migrations()
