"""Three laptops exchanging one visit at random (issue 12's measure): do they converge?

    python benchmarks/exchange_simulation.py [--steps 1000] [--seeds 1] [--first-seed 1]

Prints figures; not a test (``tests/integration/test_exchange_simulation.py`` runs the same
engine for fewer steps). Per seed, from the reference visit on three fresh SQLite databases A, B
and C: random edits (note texts and themes, key figures, follow-ups, the visit's summary),
additions (notes, figures, follow-ups, delegation members), deletions, undos of deletions,
reorders of the stops, the notes and the delegation, packages between random pairs (some
delivered late or twice), visit documents exported and imported, and conflicts resolved by a
reproducible random choice; then every laptop sends to every other until a whole round changes
nothing. It checks that every laptop holds the same visit, that no record was lost or
resurrected, that every ordered list is numbered 1..n in the same order everywhere and that no
conflict is left, and prints what happened and how long merging took.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fieldvisit.persistence.db import open_database, sqlite_url  # noqa: E402
from tests.integration.exchange_simulation import simulate  # noqa: E402
from tests.integration.laptops import Laptop  # noqa: E402


def run(steps: int, seed: int) -> None:
    with tempfile.TemporaryDirectory(prefix="fieldvisit-exchange-") as folder:
        laptops = []
        for name in "ABC":
            path = Path(folder) / f"{name}.sqlite3"
            laptops.append(Laptop(name, open_database(sqlite_url(path)), Path(folder)))
        try:
            _simulation, figures = simulate(laptops, steps=steps, seed=seed)
        finally:
            for laptop in laptops:
                laptop.dispose()
    merges = sorted(figures.merge_seconds)
    print(f"seed {seed}: {figures.steps} steps in {figures.seconds:.1f} s — converged, "
          "nothing lost or resurrected, every order 1..n and alike, no conflict left")
    print(f"  {figures.edits} edits, {figures.adds} additions, {figures.deletes} deletions, "
          f"{figures.restores} undos of a deletion, {figures.reorders} reorders")
    print(f"  {figures.packages} packages ({figures.stale_deliveries} delivered late or again), "
          f"{figures.documents} visit documents")
    print(f"  {figures.conflicts} conflicts raised ({figures.order_conflicts} of them lists "
          f"reordered on two laptops), {figures.resolved} resolved by choice "
          "(the others settled themselves)")
    print(f"  quiet after {figures.rounds_to_quiet} round(s) of exchanges among all three")
    print(f"  at the end: {figures.records} records of the visit on each laptop, "
          f"{figures.deleted_for_good} deleted for good")
    print(f"  merging one package or document: median {statistics.median(merges) * 1000:.0f} ms,"
          f" max {merges[-1] * 1000:.0f} ms ({len(merges)} merges)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--first-seed", type=int, default=1)
    args = parser.parse_args()
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        run(args.steps, seed)


if __name__ == "__main__":
    main()
