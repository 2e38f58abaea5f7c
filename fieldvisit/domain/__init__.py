"""Plain-Python domain: entities, enums, rules and errors. No Qt, no SQLAlchemy."""
