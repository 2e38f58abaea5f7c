"""Use cases. Each takes a unit of work and returns plain data (frozen dataclasses), never ORM
objects. The GUI and the CLI call only these."""
