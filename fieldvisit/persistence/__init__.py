"""The only package that imports SQLAlchemy and Alembic: engine, ORM models, repositories, unit
of work, and the migrations shipped with the application."""
