"""What start-up made lives as long as the process: kept out of the collector's way.

Python's cyclic garbage collector, in a full collection, walks every container object the
process has. Most of those were made at start-up and live until it ends: the modules, classes
and functions of SQLAlchemy (about 40,000 objects), Qt's bindings and ours. Walking them takes
30–50 ms here, a pause in whatever runs then: measured at 1,000,000 notes, a search that takes
20 ms took 70–80 ms when a full collection fell in it (``benchmarks/big_database.py``).
``gc.freeze()`` moves what exists into a generation no collection walks; a full collection then
walks only what was made since.
"""

from __future__ import annotations

import gc


def freeze_start_up_objects() -> None:
    """Called once the database is open (the CLI before its command, the GUI before it shows
    the visits): the imports are done, and what is frozen lives as long as the process.
    Garbage among it would stay until the process ends (start-up leaves little); everything
    made later, a visit's views among it, is collected as before."""
    gc.freeze()
