"""One writer of tests/integration/test_concurrent_saves.py, run as a process of its own:
opens the database, waits for the start signal, then saves notes ``count`` times the way the
window does — read the note, change it, save it with what was read — and prints one JSON line:
the tokens of the saves reported as successful, how many were refused as stale (changed by
someone else), how many as busy, and any other error.

    python concurrent_writer.py URL WRITER COUNT GO_FILE NOTE_ID [NOTE_ID...]

Each save appends `` <WRITER:I>`` to the text it read; with several notes, save I goes to
note I mod len(notes).
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path
from uuid import UUID


def main(url: str, writer: str, count: int, go: Path, note_ids: list[UUID]) -> None:
    from fieldvisit.domain.errors import ConcurrentWriteError, FieldVisitError, StaleEditError
    from fieldvisit.persistence.db import open_database
    from fieldvisit.services import notes

    database = open_database(url)
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.01)
    succeeded: list[str] = []
    stale = busy = 0
    errors: list[str] = []
    started = time.perf_counter()
    for index in range(count):
        note_id = note_ids[index % len(note_ids)]
        token = f"<{writer}:{index}>"
        try:
            note = notes.get_note(database.unit_of_work(), note_id)  # read
            text = f"{note.text} {token}"  # change
            notes.update_note(database.unit_of_work(), note_id,  # save
                              **_expectation(note), text=text)
        except StaleEditError:
            stale += 1
            continue
        except ConcurrentWriteError:  # still in the way after the retries: one clear line
            busy += 1
            continue
        except FieldVisitError as error:
            errors.append(f"{type(error).__name__}: {error}")
            continue
        except Exception:  # noqa: BLE001 - a traceback is a failure the test reports
            errors.append(traceback.format_exc())
            continue
        succeeded.append(token)
    seconds = time.perf_counter() - started
    database.dispose()
    print(json.dumps({"succeeded": succeeded, "stale": stale, "busy": busy, "errors": errors,
                      "seconds": seconds}), flush=True)


def _expectation(note) -> dict:  # noqa: ANN001 - a Note
    """What the window passes with a save: the values and the version it read."""
    return {"expected": {"text": note.text}, "expected_version": note.version}


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]),
         [UUID(value) for value in sys.argv[5:]])
