"""The heuristics behind ``route_optimizer.suggest_route``, over its ``RouteModel``.

Orders are lists of stop indexes. A pinned stop i stays at position i: moves only rearrange
a run of free positions or exchange two free stops. Costs are ``conflicts * big + travel``.
``improve_travel`` is an iterated local search over the legs alone (2-opt, Or-opt and
exchanges on neighbour lists with don't-look bits, double-bridge kicks); ``improve_timed``
prices every move by simulating the timeline from the first position it changes.
"""

from __future__ import annotations

import time
from collections import deque


def _near(w: list[list[int]], n: int, size: int) -> list[list[int]]:
    """The ``size`` nearest stops of each stop, either way."""
    def nearest(i: int) -> list[int]:
        return sorted((j for j in range(n) if j != i),
                      key=lambda j: (min(w[i][j], w[j][i]), j))[:size]

    return [nearest(i) for i in range(n)]


def _runs(pinned: tuple[bool, ...]) -> list[list[int]]:
    """[first, last] positions of every maximal run of free positions."""
    runs: list[list[int]] = []
    for p, fixed in enumerate(pinned):
        if not fixed:
            if p and not pinned[p - 1]:
                runs[-1][1] = p
            else:
                runs.append([p, p])
    return runs


def greedy_order(model) -> list[int]:
    """Each free position takes the stop that adds the fewest conflicts, then the least travel."""
    left = [i for i, fixed in enumerate(model.pinned) if not fixed]
    order: list[int] = []
    departure = 0
    for p, fixed in enumerate(model.pinned):
        best: tuple[int, int, int] | None = None
        for stop in ((p,) if fixed else left):
            leg = model.w[order[-1]][stop] if order else 0
            arrival = departure + model.leg_us[order[-1]][stop] if order else model.start_us
            after, conflicts = model.step(arrival, stop)
            if best is None or conflicts * model.big + leg < best[0]:
                best = (conflicts * model.big + leg, stop, after)
        assert best is not None  # a pinned position has its stop; a free one, those left
        _, stop, departure = best
        if not fixed:
            left.remove(stop)
        order.append(stop)
    return order


class _Path:
    """An order between two copies of the virtual stop, with positions and prefix sums of the
    legs forwards and backwards (a reversal's cost on an asymmetric matrix)."""

    def __init__(self, w: list[list[int]], pinned: tuple[bool, ...], order: list[int]) -> None:
        self.w, self.n, self.dummy = w, len(pinned), len(w) - 1
        self.e = [self.dummy, *order, self.dummy]
        self.extent = [[first + 1, last + 1] for first, last in _runs(pinned)]
        self.run = [-1] * (self.n + 2)
        for r, (first, last) in enumerate(self.extent):
            self.run[first:last + 1] = [r] * (last - first + 1)
        self.symmetric = all(w[i][j] == w[j][i] for i in range(self.n) for j in range(i))
        self.near = _near(w, self.n, 10)
        self.refresh()

    def refresh(self) -> None:
        e, w = self.e, self.w
        self.pos = [0] * (self.n + 1)
        for p in range(1, self.n + 1):
            self.pos[e[p]] = p
        self.fw = fw = [0] * (self.n + 2)
        for p in range(self.n + 1):
            fw[p + 1] = fw[p] + w[e[p]][e[p + 1]]
        if not self.symmetric:
            self.bw = bw = [0] * (self.n + 2)
            for p in range(self.n + 1):
                bw[p + 1] = bw[p] + w[e[p + 1]][e[p]]

    @property
    def cost(self) -> int:
        return self.fw[-1]

    def _inner(self, lo: int, hi: int) -> int:
        """Extra cost of walking positions lo..hi backwards."""
        return 0 if self.symmetric else (self.bw[hi] - self.bw[lo]) - (self.fw[hi] - self.fw[lo])

    def _reverse(self, lo: int, hi: int) -> list[int]:
        e = self.e
        e[lo:hi + 1] = e[lo:hi + 1][::-1]
        self.refresh()
        return [e[lo - 1], e[lo], e[hi], e[hi + 1]]

    def two_opt(self, a: int) -> list[int] | None:
        e, w, run, pos = self.e, self.w, self.run, self.pos
        i = pos[a]
        for c in self.near[a]:
            lo, hi = sorted((i, pos[c]))
            if hi - lo < 2:
                continue
            x, y = e[lo], e[hi]
            if run[lo + 1] >= 0 and run[lo + 1] == run[hi]:
                b, d = e[lo + 1], e[hi + 1]
                if w[x][y] + w[b][d] + self._inner(lo + 1, hi) < w[x][b] + w[y][d]:
                    return self._reverse(lo + 1, hi)
            if run[lo] >= 0 and run[lo] == run[hi - 1]:
                u, v = e[lo - 1], e[hi - 1]
                if w[u][v] + w[x][y] + self._inner(lo, hi - 1) < w[u][x] + w[v][y]:
                    return self._reverse(lo, hi - 1)
        return None

    def or_opt(self, a: int) -> list[int] | None:
        e, w, pos = self.e, self.w, self.pos
        i = pos[a]
        if self.run[i] < 0:
            return None
        first, last = self.extent[self.run[i]]
        for length in (1, 2, 3):
            for start in {i, i - length + 1}:
                end = start + length - 1
                if start < first or end > last:
                    continue
                s0, s1, p, q = e[start], e[end], e[start - 1], e[end + 1]
                gain = w[p][s0] + w[s1][q] - w[p][q]
                inner = self._inner(start, end)
                for c in self.near[a]:
                    for g in (pos[c] - 1, pos[c]):
                        if g < first - 1 or g > last or start - 1 <= g <= end:
                            continue
                        u, v = e[g], e[g + 1]
                        if w[u][s0] + w[s1][v] < gain + w[u][v]:
                            return self._move(start, end, g, False)
                        if w[u][s1] + w[s0][v] + inner < gain + w[u][v]:
                            return self._move(start, end, g, True)
        return None

    def _move(self, start: int, end: int, gap: int, backwards: bool) -> list[int]:
        e = self.e
        segment = e[start:end + 1][::-1] if backwards else e[start:end + 1]
        touched = [e[start - 1], e[end + 1], e[gap], e[gap + 1], segment[0], segment[-1]]
        if gap > end:
            e[start:gap + 1] = e[end + 1:gap + 1] + segment
        else:
            e[gap + 1:end + 1] = segment + e[gap + 1:start]
        self.refresh()
        return touched

    def exchange(self, a: int) -> list[int] | None:
        """Put ``a`` next to one of its neighbours by exchanging it with a free stop."""
        e, w, run, i = self.e, self.w, self.run, self.pos[a]
        if run[i] < 0:
            return None
        for c in self.near[a]:
            for j in (self.pos[c] - 1, self.pos[c] + 1):
                if run[j] < 0 or j == i:
                    continue
                lo, hi = sorted((i, j))
                x, y = e[lo], e[hi]
                if hi == lo + 1:
                    old = w[e[lo - 1]][x] + w[x][y] + w[y][e[hi + 1]]
                    new = w[e[lo - 1]][y] + w[y][x] + w[x][e[hi + 1]]
                else:
                    old = w[e[lo - 1]][x] + w[x][e[lo + 1]] + w[e[hi - 1]][y] + w[y][e[hi + 1]]
                    new = w[e[lo - 1]][y] + w[y][e[lo + 1]] + w[e[hi - 1]][x] + w[x][e[hi + 1]]
                if new < old:
                    e[lo], e[hi] = y, x
                    self.refresh()
                    return [e[lo - 1], x, y, e[lo + 1], e[hi - 1], e[hi + 1]]
        return None

    def local_search(self, stops: list[int], deadline: float) -> None:
        queue: deque[int] = deque()
        waiting = [False] * (self.n + 1)
        crossing = len(self.extent) > 1
        for stop in stops:
            if stop != self.dummy and not waiting[stop]:
                queue.append(stop)
                waiting[stop] = True
        while queue and time.perf_counter() < deadline:
            a = queue.popleft()
            waiting[a] = False
            touched = self.two_opt(a) or self.or_opt(a) or (crossing and self.exchange(a))
            for stop in touched or ():
                if stop != self.dummy and not waiting[stop]:
                    queue.append(stop)
                    waiting[stop] = True

    def kick(self, rng) -> list[int]:
        """A double bridge (two neighbouring segments trade places) in a long run, else an
        exchange of two random free stops."""
        e = self.e
        runs = [x for x in self.extent if x[1] - x[0] >= 7]
        if runs and (len(self.extent) == 1 or rng.random() < 0.7):
            first, last = rng.choice(runs)
            most = max(1, min((last - first + 1) // 3, 12))
            a, b = rng.randint(1, most), rng.randint(1, most)
            x1 = rng.randint(first, last + 1 - a - b)
            x2, x3 = x1 + a, x1 + a + b
            e[x1:x3] = e[x2:x3] + e[x1:x2]
            cuts = (x1, x1 + b, x3)
        else:
            movable = [p for p in range(1, self.n + 1) if self.run[p] >= 0]
            cuts = tuple(rng.sample(movable, 2))
            e[cuts[0]], e[cuts[1]] = e[cuts[1]], e[cuts[0]]
        self.refresh()
        return [e[p + d] for p in cuts for d in (-1, 0, 1) if 0 <= p + d <= self.n + 1]


def improve_travel(w: list[list[int]], pinned: tuple[bool, ...], starts: list[list[int]],
                   deadline: float, rng) -> list[int]:
    """Iterated local search on the legs: the best of ``starts`` after local search, then
    kicks until 20 × n of them in a row brought nothing better, or the deadline."""
    path: _Path | None = None
    for order in starts:
        candidate = _Path(w, pinned, order)
        candidate.local_search(order, deadline)
        if path is None or candidate.cost < path.cost:
            path = candidate
    assert path is not None, "at least one start"
    current, current_cost = path.e[:], path.cost
    best, best_cost = current, current_cost
    idle = 0
    while idle < 20 * path.n and time.perf_counter() < deadline:
        path.e = current[:]
        path.local_search(path.kick(rng), deadline)
        idle += 1
        if path.cost < best_cost:
            best, best_cost, idle = path.e[:], path.cost, 0
        if path.cost <= current_cost:
            current, current_cost = path.e[:], path.cost
    return best[1:-1]


class _Timed:
    """An order with the departure, running cost and remaining legs at every position, to
    price a candidate that differs from it only in positions lo..hi."""

    def __init__(self, model, order: list[int]) -> None:
        self.model = model
        self.run_of: dict[int, tuple[int, int]] = {}
        for first, last in _runs(model.pinned):
            self.run_of.update(dict.fromkeys(range(first, last + 1), (first, last)))
        self.free = sorted(self.run_of)
        self.near = _near(model.w, model.n, 8)
        self.load(order)

    def load(self, order: list[int]) -> None:
        self.order = list(order)
        self.departures: list[int] = []
        self.costs: list[int] = []
        total = self._run(0, [], 0, 0, None, None)
        assert total is not None  # without a limit the run never gives up
        self.total = total
        self.pos = {stop: p for p, stop in enumerate(order)}
        w, rest = self.model.w, [0] * len(order)
        for p in range(len(order) - 2, -1, -1):
            rest[p] = rest[p + 1] + w[order[p]][order[p + 1]]
        self.rest = rest  # the cost of the legs after each position

    def _run(self, lo: int, segment: list[int], departure: int, cost: int,
             previous: int | None, limit: int | None) -> int | None:
        m, order, hi = self.model, self.order, lo + len(segment) - 1
        for p in range(lo, m.n):
            stop = segment[p - lo] if p <= hi else order[p]
            if previous is None:
                departure, conflicts = m.step(m.start_us, stop)
            else:
                departure, conflicts = m.step(departure + m.leg_us[previous][stop], stop)
                cost += m.w[previous][stop]
            cost += conflicts * m.big
            if limit is None:  # recording the order itself
                self.departures.append(departure)
                self.costs.append(cost)
            elif p > hi and departure == self.departures[p]:
                cost += limit - self.costs[p]  # the rest is the current order's
                return cost if cost < limit else None
            elif cost + (self.rest[p] if p > hi else 0) >= limit:
                return None  # the legs still to come are known: it cannot win
            previous = stop
        return cost

    def trial(self, lo: int, segment: list[int]) -> int | None:
        """The cost with order[lo:lo + len(segment)] replaced, if lower than the current."""
        if lo == 0:
            return self._run(0, segment, 0, 0, None, self.total)
        return self._run(lo, segment, self.departures[lo - 1], self.costs[lo - 1],
                         self.order[lo - 1], self.total)

    def moves(self, start: int):
        """(lo, segment) of the moves anchored at position ``start``: Or-opt of the 1 to 3
        stops from there, reversals within its run, exchanges; towards nearby positions and
        geographic neighbours, or anywhere when the stop there has a conflict."""
        order, costs = self.order, self.costs
        first, last = self.run_of[start]
        own = costs[start] - (costs[start - 1] if start else 0)
        anywhere = own - self.model.w[order[start - 1]][order[start]] if start else own
        close = {p + d for c in self.near[order[start]] for p in (self.pos[c],) for d in (0, 1)}
        close.update(range(start - 8, start + 10))
        if anywhere:  # the stop has a conflict: it may need another part of the day
            close.update(range(first, last + 2))
        gaps = sorted(g for g in close if first <= g <= last + 1)
        for end in range(start, min(start + 3, last + 1)):
            block = order[start:end + 1]
            for gap in gaps:  # insert before position gap
                if start <= gap <= end + 1:
                    continue
                for moved in (block, block[::-1]) if end > start else (block,):
                    if gap > end:
                        yield start, order[end + 1:gap] + moved
                    else:
                        yield gap, moved + order[gap:start]
        for hi in gaps:
            if start + 2 <= hi <= last:
                yield start, order[start:hi + 1][::-1]
        for other in self.free if anywhere else sorted(close.intersection(self.run_of)):
            if other != start:
                lo, hi = sorted((start, other))
                yield lo, [order[hi], *order[lo + 1:hi], order[lo]]

    def local_search(self, deadline: float) -> None:
        """First improvement, anchor after anchor, until a whole round finds nothing."""
        if not self.free:
            return
        k, quiet = 0, 0
        while quiet < len(self.free):
            if time.perf_counter() > deadline:
                return
            quiet += 1
            for lo, segment in self.moves(self.free[k]):
                if self.trial(lo, segment) is not None:
                    self.load(self.order[:lo] + segment + self.order[lo + len(segment):])
                    quiet = 0
                    break
            else:
                k = (k + 1) % len(self.free)


def improve_timed(model, starts: list[list[int]], deadline: float, rng,
                  kicks: int) -> list[int]:
    """Local search with every move simulated; then up to ``kicks`` random exchanges, each
    followed by local search, kept when not worse."""
    best = _Timed(model, min(starts, key=model.cost))
    best.local_search(deadline)
    free = [p for p, fixed in enumerate(model.pinned) if not fixed]
    current, current_cost = best.order, best.total
    result, result_cost = current, current_cost
    for _ in range(kicks if len(free) > 1 else 0):
        if time.perf_counter() > deadline:
            break
        order = current[:]
        for _ in range(rng.randint(1, 3)):
            i, j = rng.sample(free, 2)
            order[i], order[j] = order[j], order[i]
        best.load(order)
        best.local_search(deadline)
        if best.total < result_cost:
            result, result_cost = best.order, best.total
        if best.total <= current_cost:
            current, current_cost = best.order, best.total
    return result
