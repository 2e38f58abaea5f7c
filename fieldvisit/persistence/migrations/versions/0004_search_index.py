"""search index: full-text search over notes, key figures and follow-ups (SQLite only)

``search_documents`` holds one row per searchable record (a note's text; a key figure's
"label value unit"; a follow-up's action), kept in step with the source tables by triggers.
``search_index`` is an FTS5 table over it (external content, ``trigram`` tokenizer: substrings
of three or more characters, Chinese or not, case-insensitive). Existing rows are indexed here.

On PostgreSQL (or an SQLite without FTS5's trigram tokenizer) nothing is created and search
scans the source tables instead (``fieldvisit/persistence/search_index.py``).

A later migration that rebuilds ``notes``, ``key_figures`` or ``follow_ups`` (batch mode copies
and drops the table, and its triggers with it) must create that table's triggers again:
``tests/integration/test_search.py`` checks they exist at head.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
from alembic import op
from sqlalchemy.exc import OperationalError

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

FIGURE_TEXT = "{0}.label || ' ' || {0}.value || CASE WHEN {0}.unit = '' THEN '' " \
              "ELSE ' ' || {0}.unit END"

# (source table, kind, text expression over NEW/OLD or the table, columns whose change matters)
SOURCES = (
    ("notes", "note", "{0}.text", "text, visit_id"),
    ("key_figures", "figure", FIGURE_TEXT, "label, value, unit, visit_id"),
    ("follow_ups", "follow_up", "{0}.action", "action, visit_id"),
)

DOCUMENTS = """
CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id CHAR(32) NOT NULL UNIQUE,
    visit_id CHAR(32) NOT NULL,
    text TEXT NOT NULL
)"""

INDEX = """
CREATE VIRTUAL TABLE search_index USING fts5(
    text, content='search_documents', content_rowid='id', tokenize='trigram'
)"""

# The external-content FTS table follows search_documents.
INDEX_TRIGGERS = (
    """CREATE TRIGGER search_documents_insert AFTER INSERT ON search_documents BEGIN
        INSERT INTO search_index (rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER search_documents_delete AFTER DELETE ON search_documents BEGIN
        INSERT INTO search_index (search_index, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER search_documents_update AFTER UPDATE OF text ON search_documents
    WHEN old.text IS NOT new.text BEGIN
        INSERT INTO search_index (search_index, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO search_index (rowid, text) VALUES (new.id, new.text);
    END""",
)


def source_triggers(table: str, kind: str, text: str, columns: str) -> tuple[str, ...]:
    new_text = text.format("new")
    return (
        f"""CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN
            INSERT INTO search_documents (kind, record_id, visit_id, text)
            VALUES ('{kind}', new.id, new.visit_id, {new_text});
        END""",
        f"""CREATE TRIGGER {table}_search_update AFTER UPDATE OF id, {columns} ON {table} BEGIN
            UPDATE search_documents SET record_id = new.id, visit_id = new.visit_id,
                text = {new_text} WHERE record_id = old.id;
        END""",
        f"""CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN
            DELETE FROM search_documents WHERE record_id = old.id;
        END""",
    )


def trigram_available() -> bool:
    bind = op.get_bind()
    try:
        bind.exec_driver_sql(
            "CREATE VIRTUAL TABLE temp.fieldvisit_probe USING fts5(x, tokenize='trigram')")
    except OperationalError:
        return False
    bind.exec_driver_sql("DROP TABLE temp.fieldvisit_probe")
    return True


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite" or not trigram_available():
        return
    op.execute(DOCUMENTS)
    op.execute(INDEX)
    for table, kind, text, _columns in SOURCES:
        op.execute(f"INSERT INTO search_documents (kind, record_id, visit_id, text) "
                   f"SELECT '{kind}', id, visit_id, {text.format(table)} FROM {table} "
                   f"ORDER BY visit_id, created_at, id")
    op.execute("INSERT INTO search_index (search_index) VALUES ('rebuild')")
    for statement in INDEX_TRIGGERS:
        op.execute(statement)
    for source in SOURCES:
        for statement in source_triggers(*source):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, _kind, _text, _columns in SOURCES:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{event}")
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute("DROP TABLE IF EXISTS search_documents")
