"""search without scanning: every query length indexed, on SQLite and PostgreSQL; speakers,
interviewee groups, sites and people searchable; the newest written first

``search_documents`` (rebuilt) holds one row per searchable text: a note's text, speaker and
interviewee group; a key figure's "label value unit"; a follow-up's action; a site's and a
person's name (kinds ``note``, ``speaker``, ``interviewees``, ``figure``, ``follow_up``,
``site``, ``person``). Triggers on the source tables keep it in step; a changed text is
deleted and inserted again, so ``id`` grows with every write and orders hits newest first.
Empty texts are not indexed.

SQLite: ``search_index`` (FTS5, ``trigram``, external content) as in 0004, plus
``search_grams`` (FTS5, contentless, ``detail=none``): every character of a text and every
pair of neighbouring characters as a token (``unicode61`` splitting at spaces and control
characters only, folding case), filled by the same triggers with pure SQL, so any SQLite
client writing the tables keeps the index right. A term of one or two characters is one token;
a longer one needs all its pairs, then is checked by the trigram index.

PostgreSQL: ``search_documents.grams`` (``text[]``, the same characters and pairs, lower case)
with a GIN index, filled by the ``search_grams`` function; a query needs all the grams of each
term, then is checked with ILIKE.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

FIGURE_TEXT = "{0}.label || ' ' || {0}.value || CASE WHEN {0}.unit = '' THEN '' " \
              "ELSE ' ' || {0}.unit END"

# (source table, kind, text over NEW/OLD or the table, visit, columns whose change matters)
SOURCES = (
    ("notes", "note", "{0}.text", "{0}.visit_id", "text, visit_id"),
    ("notes", "speaker", "{0}.speaker", "{0}.visit_id", "speaker, visit_id"),
    ("notes", "interviewees", "{0}.interviewee_group", "{0}.visit_id",
     "interviewee_group, visit_id"),
    ("key_figures", "figure", FIGURE_TEXT, "{0}.visit_id", "label, value, unit, visit_id"),
    ("follow_ups", "follow_up", "{0}.action", "{0}.visit_id", "action, visit_id"),
    ("sites", "site", "{0}.name", "NULL", "name"),
    ("people", "person", "{0}.name", "NULL", "name"),
)
OLD_SOURCES = ("notes", "key_figures", "follow_ups")  # 0004's triggers


def grams_sql(value: str) -> str:
    """SQLite: the characters and the pairs of neighbouring characters of ``value``,
    space-separated (a pair holding a space or control character falls apart into its
    characters when tokenized). Pure SQL: a JSON array of length(value) numbers to count on."""
    return (f"(SELECT group_concat(substr({value}, key + 1, 1) || ' ' || "
            f"substr({value}, key + 1, 2), ' ') FROM json_each('[' || "
            f"substr(replace(hex(zeroblob(length({value}))), '00', '0,'), 1, "
            f"2 * length({value}) - 1) || ']'))")


SQLITE_TABLES = (
    """CREATE TABLE search_documents (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        record_id CHAR(32) NOT NULL,
        visit_id CHAR(32),
        text TEXT NOT NULL,
        UNIQUE (record_id, kind)
    )""",
    """CREATE VIRTUAL TABLE search_index USING fts5(
        text, content='search_documents', content_rowid='id', tokenize='trigram'
    )""",
    """CREATE VIRTUAL TABLE search_grams USING fts5(
        grams, content='', detail='none',
        tokenize="unicode61 remove_diacritics 0 categories 'L* M* N* P* S* Co Cf'"
    )""",
)

SQLITE_INDEX_TRIGGERS = (
    f"""CREATE TRIGGER search_documents_insert AFTER INSERT ON search_documents BEGIN
        INSERT INTO search_index (rowid, text) VALUES (new.id, new.text);
        INSERT INTO search_grams (rowid, grams) VALUES (new.id, {grams_sql('new.text')});
    END""",
    f"""CREATE TRIGGER search_documents_delete AFTER DELETE ON search_documents BEGIN
        INSERT INTO search_index (search_index, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO search_grams (search_grams, rowid, grams)
            VALUES ('delete', old.id, {grams_sql('old.text')});
    END""",
)


def sqlite_source_triggers(table: str, kind: str, text: str, visit: str,
                           columns: str) -> tuple[str, ...]:
    new_text, old_text, new_visit = text.format("new"), text.format("old"), visit.format("new")
    insert = (f"INSERT INTO search_documents (kind, record_id, visit_id, text) "
              f"SELECT '{kind}', new.id, {new_visit}, {new_text} WHERE {new_text} <> '';")
    changed = f"old.id IS NOT new.id OR ({old_text}) IS NOT ({new_text})"
    if visit != "NULL":
        changed += f" OR old.visit_id IS NOT new.visit_id"
    return (
        f"""CREATE TRIGGER {table}_search_{kind}_insert AFTER INSERT ON {table} BEGIN
            {insert}
        END""",
        f"""CREATE TRIGGER {table}_search_{kind}_update AFTER UPDATE OF id, {columns}
        ON {table} WHEN {changed} BEGIN
            DELETE FROM search_documents WHERE record_id = old.id AND kind = '{kind}';
            {insert}
        END""",
        f"""CREATE TRIGGER {table}_search_{kind}_delete AFTER DELETE ON {table} BEGIN
            DELETE FROM search_documents WHERE record_id = old.id AND kind = '{kind}';
        END""",
    )


def fill_sqlite() -> str:
    """Every record's documents, oldest first, for an existing database."""
    return " UNION ALL ".join(
        f"SELECT '{kind}' AS kind, id, {visit.format(table)}, {text.format(table)} AS text, "
        f"created_at FROM {table} WHERE {text.format(table)} <> ''"
        for table, kind, text, visit, _columns in SOURCES)


PG_GRAMS = """
CREATE FUNCTION search_grams(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT gram), '{}') FROM (
        SELECT lower(upper(substr(value, i, 1))) AS gram FROM generate_series(1, length(value)) AS i
        UNION ALL
        SELECT lower(upper(substr(value, i, 2))) FROM generate_series(1, length(value) - 1) AS i
    ) AS grams WHERE gram !~ '[[:space:][:cntrl:]]'
$$"""

PG_TABLE = """
CREATE TABLE search_documents (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id UUID NOT NULL,
    visit_id UUID,
    text TEXT NOT NULL,
    grams TEXT[] NOT NULL,
    UNIQUE (record_id, kind)
)"""


def pg_source_function(table: str) -> str:
    """One trigger function per source table, for all the kinds it gives."""
    kinds, on_update, on_insert = [], [], []
    for source, kind, text, visit, _columns in SOURCES:
        if source != table:
            continue
        kinds.append(f"'{kind}'")
        new_text, old_text = text.format("NEW"), text.format("OLD")
        changed = f"NEW.id IS DISTINCT FROM OLD.id OR ({new_text}) IS DISTINCT FROM ({old_text})"
        if visit != "NULL":
            changed += " OR NEW.visit_id IS DISTINCT FROM OLD.visit_id"
        insert = (f"IF ({new_text}) <> '' THEN INSERT INTO search_documents "
                  f"(kind, record_id, visit_id, text, grams) VALUES ('{kind}', NEW.id, "
                  f"{visit.format('NEW')}, {new_text}, search_grams({new_text})); END IF;")
        on_update.append(f"IF {changed} THEN DELETE FROM search_documents WHERE "
                         f"record_id = OLD.id AND kind = '{kind}'; {insert} END IF;")
        on_insert.append(insert)
    return f"""
CREATE FUNCTION {table}_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_documents WHERE record_id = OLD.id AND kind IN ({', '.join(kinds)});
    ELSIF TG_OP = 'UPDATE' THEN
        {' '.join(on_update)}
    ELSE
        {' '.join(on_insert)}
    END IF;
    RETURN NULL;
END $$"""


def source_tables() -> list[str]:
    return list(dict.fromkeys(table for table, *_rest in SOURCES))


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        upgrade_postgresql()
    elif op.get_bind().dialect.name == "sqlite":
        upgrade_sqlite()


def upgrade_sqlite() -> None:
    for table in OLD_SOURCES:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{event}")
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS search_documents_{event}")
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute("DROP TABLE IF EXISTS search_documents")
    for statement in SQLITE_TABLES:
        op.execute(statement)
    op.execute(f"INSERT INTO search_documents (kind, record_id, visit_id, text) "
               f"SELECT kind, id, visit_id, text FROM ({fill_sqlite()}) ORDER BY created_at, id")
    op.execute("INSERT INTO search_index (search_index) VALUES ('rebuild')")
    op.execute(f"INSERT INTO search_grams (rowid, grams) SELECT id, {grams_sql('text')} "
               f"FROM search_documents")
    for statement in SQLITE_INDEX_TRIGGERS:
        op.execute(statement)
    for source in SOURCES:
        for statement in sqlite_source_triggers(*source):
            op.execute(statement)


def upgrade_postgresql() -> None:
    op.execute(PG_GRAMS)
    op.execute(PG_TABLE)
    for table in source_tables():
        op.execute(pg_source_function(table))
        op.execute(f"CREATE TRIGGER {table}_search AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION {table}_search()")
    op.execute(
        "INSERT INTO search_documents (kind, record_id, visit_id, text, grams) "
        "SELECT kind, id, visit_id, text, search_grams(text) FROM ("
        + " UNION ALL ".join(
            f"SELECT '{kind}' AS kind, id, {visit.format(table)}::uuid AS visit_id, "
            f"{text.format(table)} AS text, created_at FROM {table} "
            f"WHERE {text.format(table)} <> ''"
            for table, kind, text, visit, _columns in SOURCES)
        + ") AS documents ORDER BY created_at, id")
    op.execute("CREATE INDEX search_documents_grams ON search_documents USING gin (grams)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in source_tables():
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_search()")
        op.execute("DROP TABLE IF EXISTS search_documents")
        op.execute("DROP FUNCTION IF EXISTS search_grams(text)")
        return
    if bind.dialect.name != "sqlite":
        return
    for table, kind, *_rest in SOURCES:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{kind}_{event}")
    for event in ("insert", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS search_documents_{event}")
    op.execute("DROP TABLE IF EXISTS search_grams")
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute("DROP TABLE IF EXISTS search_documents")
    # 0004's index, as it was
    from importlib import import_module

    import_module("fieldvisit.persistence.migrations.versions.0004_search_index").upgrade()
