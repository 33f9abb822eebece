"""GEOS-heavy steps on all cores: slices of the arrays in threads.

Shapely releases Python's GIL while GEOS works, so threads that each take a slice of
the arrays run at the same time. Only for steps that read their geometries and never
change them. A prepared geometry is the exception: GEOS builds its index on first use,
and two threads must not do that at once, so a step using prepared geometries gives
each thread its own prepared copy (``PreparedCopies``).

Results are the same whatever the number of threads: each element is computed alone.
"""
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Dict

import numpy as np
import shapely

# More threads than cores only adds overhead; beyond four the GEOS steps left are
# too short to gain.
THREADS = max(1, min(os.cpu_count() or 1, 4))
# Below this many elements per thread, starting threads costs more than it saves.
MIN_PER_THREAD = 1_000


def thread_count(elements: int, threads: int = 0) -> int:
    wanted = threads or THREADS
    return max(1, min(wanted, elements // MIN_PER_THREAD))


def map_slices(step: Callable, *arrays, threads: int = 0) -> np.ndarray:
    """``step(slice_number, *slices)`` over consecutive slices of ``arrays`` (all the
    same length), in threads; the slices' results joined in order."""
    count = len(arrays[0])
    workers = thread_count(count, threads)
    if workers == 1:
        return np.asarray(step(0, *arrays))
    edges = np.linspace(0, count, workers + 1).astype(int)

    def run(number):
        return step(number, *(array[edges[number]:edges[number + 1]] for array in arrays))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="flexwonen-geos") as pool:
        return np.concatenate(list(pool.map(run, range(workers))))


def elementwise(function: Callable, *arrays, threads: int = 0) -> np.ndarray:
    """A shapely function of plain (unprepared) geometries, element by element, in threads."""
    return map_slices(lambda _number, *slices: function(*slices), *arrays, threads=threads)


class PreparedCopies:
    """Prepared geometries, one independent copy per thread (slice number): copy 0 is
    the original, the others are made (and prepared) the first time they are asked for."""

    def __init__(self, geometries: np.ndarray):
        shapely.prepare(geometries)
        self._copies: Dict[int, np.ndarray] = {0: geometries}
        self._lock = threading.Lock()

    def __getitem__(self, number: int) -> np.ndarray:
        with self._lock:
            copy = self._copies.get(number)
            if copy is None:
                copy = shapely.from_wkb(shapely.to_wkb(self._copies[0]))
                shapely.prepare(copy)
                self._copies[number] = copy
            return copy
