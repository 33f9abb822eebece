"""`make bench`: how fast the site classification is, against two baselines.

Generates (once, cached in ``output/bench``) a synthetic built-up contour of
realistic complexity and parcel-like sites (see ``bench_data.py``), then times, each
in a fresh process so that peak memory (the kernel's high-water mark of resident
memory, which counts GEOS's and GDAL's C memory too) belongs to that measurement
alone:

* ``core``       the plugin's core: ``classify_sites(sites, builtup)``;
* ``geopandas``  a straightforward geopandas implementation of the same rule:
                 dissolve, ``sjoin`` + intersection area per pair, ``sjoin_nearest``
                 within the edge distance;
* ``native``     QGIS's own Processing algorithms for the same rule: extract within
                 distance for the edge distance, extract by location + intersection
                 for the inside share (areas summed per site in Python);
* ``processing`` the plugin's Processing algorithm end to end (read, classify, write
                 a GeoPackage file: the usual destination, written in bulk);
* ``processing-memory`` the same with a temporary (memory) layer as output, which
                 goes through QGIS's feature sink one feature at a time;
* ``streamed``   the streamed GeoPackage-to-GeoPackage mode.

Inputs are read from GeoPackages before the clock starts (except for the
``processing``, ``native`` and ``streamed`` runs, whose reading is part of the job).
Every method's classes are compared site by site with the geopandas baseline's.

    python scripts/benchmark.py                       # 10k, 100k, 1M
    python scripts/benchmark.py --sizes 10000,100000
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _path in (str(ROOT), str(HERE)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

DATA_VERSION = "1"
WARMUP_SITES = 500
EDGE_DISTANCE_M = 250.0
MIN_INSIDE_SHARE = 0.9
CLASS_CODES = {"inside": 0, "edge": 1, "outside": 2}
NO_CLASS = 3
METHOD_LABELS = {
    "core": "plugin core",
    "geopandas": "geopandas baseline",
    "native": "QGIS native pipeline",
    "processing": "plugin Processing algorithm",
    "processing-memory": "plugin Processing, memory layer",
    "streamed": "plugin streamed GeoPackage mode",
}


# -- data ------------------------------------------------------------------------------
def prepare_data(workdir: Path, sizes, indexed_up_to: int = 1_000_000):
    """The built-up GeoPackage and one sites GeoPackage per size, made once."""
    import bench_data
    import pyogrio
    workdir.mkdir(parents=True, exist_ok=True)
    builtup_path = workdir / "builtup.gpkg"
    stamp = workdir / f"data-v{DATA_VERSION}.stamp"
    if not stamp.exists():
        for old in workdir.glob("*.gpkg"):
            old.unlink()
    builtup = None
    if not builtup_path.exists():
        builtup = bench_data.builtup_area()
        _write(pyogrio, builtup, builtup_path, "builtup")
    for size in sizes:
        path = sites_path(workdir, size)
        if path.exists():
            continue
        if builtup is None:
            builtup = pyogrio.read_dataframe(builtup_path)
        started = time.perf_counter()
        print(f"generating {size:,} sites …", flush=True)
        # QGIS's native algorithms need the GeoPackage's spatial index; it costs more to
        # build than the rest of the file, so larger files (never run natively) go without.
        _write(pyogrio, bench_data.parcels(size, builtup), path, "sites", indexed=size <= indexed_up_to)
        print(f"  written in {time.perf_counter() - started:.0f} s (cached for later runs)", flush=True)
    warmup = warmup_path(workdir)
    if not warmup.exists():
        _write(pyogrio, pyogrio.read_dataframe(sites_path(workdir, min(sizes)), layer="sites",
                                               max_features=WARMUP_SITES), warmup, "sites")
    stamp.touch()
    if builtup is None:
        builtup = pyogrio.read_dataframe(builtup_path)
    return builtup_path, bench_data.describe(builtup)


def _write(pyogrio, frame, path, layer, indexed=True):
    partial = path.with_name(f".partial-{path.name}")
    if partial.exists():
        partial.unlink()
    pyogrio.write_dataframe(frame, partial, layer=layer, promote_to_multi=True,
                            layer_options={"SPATIAL_INDEX": "YES" if indexed else "NO"})
    os.replace(partial, path)


def warmup_path(workdir: Path) -> Path:
    return workdir / "warmup_sites.gpkg"


def sites_path(workdir: Path, size: int) -> Path:
    return workdir / f"sites_{size}.gpkg"


def classes_path(workdir: Path, method: str, size: int) -> Path:
    return workdir / f"classes_{method}_{size}.npy"


# -- one measurement, in its own process ------------------------------------------------
def measure(method: str, size: int, workdir: Path) -> dict:
    import numpy as np
    sites_file, builtup_file = sites_path(workdir, size), workdir / "builtup.gpkg"
    job = {"core": _core, "geopandas": _geopandas, "native": _native,
           "processing": _processing, "processing-memory": _processing_memory,
           "streamed": _streamed}[method]
    # A warm-up run on a few sites in the same process first, for every method: what a
    # process does once (imports, loading GDAL drivers, registering algorithms) is not
    # part of classifying a layer, and the core's timing leaves it out too.
    job(warmup_path(workdir), builtup_file, workdir)()
    run = job(sites_file, builtup_file, workdir)     # reads inputs, returns the timed step
    resident_before = _resident_bytes()
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    classes = run()
    wall, cpu = time.perf_counter() - started_wall, time.process_time() - started_cpu
    peak = _peak_resident_bytes()
    if callable(classes):   # outputs written to a file are read back after the measurement
        classes = classes()
    np.save(classes_path(workdir, method, size), classes)
    return {"method": method, "size": size, "wall": wall, "cpu": cpu, "peak": peak,
            "before": resident_before}


def _resident_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _peak_resident_bytes() -> int:
    """The process's peak resident memory, C libraries included. VmHWM belongs to this
    process's own address space; ru_maxrss would also carry the peak of the parent
    that started it (Linux keeps it across exec)."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _codes(values, order=None):
    import numpy as np
    codes = np.array([CLASS_CODES.get(value, NO_CLASS) for value in values], dtype=np.int8)
    return codes if order is None else codes[order]


def _core(sites_file, builtup_file, workdir):
    import pyogrio
    from limburg_flexwonen_plugin.core.classify_sites import ClassificationParameters, classify_sites
    sites = pyogrio.read_dataframe(sites_file, fid_as_index=True)
    builtup = pyogrio.read_dataframe(builtup_file)
    parameters = ClassificationParameters(EDGE_DISTANCE_M, MIN_INSIDE_SHARE)

    def run():
        result = classify_sites(sites, builtup, parameters)
        return _codes(result["location_class"].values)
    return run


def _geopandas(sites_file, builtup_file, workdir):
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import pyogrio
    sites = pyogrio.read_dataframe(sites_file, fid_as_index=True)[["geometry"]]
    builtup = pyogrio.read_dataframe(builtup_file)[["geometry"]]

    def run():
        # The rule written the direct way, independently of the plugin.
        parts = builtup.dissolve().explode(index_parts=False).reset_index(drop=True)
        sites_rd = sites.reset_index(drop=True)
        joined = gpd.sjoin(sites_rd, parts, how="inner", predicate="intersects")
        left = sites_rd.geometry.loc[joined.index]
        right = parts.geometry.loc[joined["index_right"].values]
        pair_area = left.intersection(right, align=False).area.values
        inside_area = pd.Series(pair_area, index=joined.index).groupby(level=0).sum()
        share = (inside_area.reindex(sites_rd.index, fill_value=0.0).values
                 / sites_rd.geometry.area.values)
        touching = np.zeros(len(sites_rd), dtype=bool)
        touching[joined.index.values] = True
        apart = sites_rd[~touching]
        near = gpd.sjoin_nearest(apart, parts, max_distance=EDGE_DISTANCE_M + 0.001,
                                 distance_col="distance")
        within = np.zeros(len(sites_rd), dtype=bool)
        within[np.unique(near.index.values)] = True
        codes = np.full(len(sites_rd), CLASS_CODES["outside"], dtype=np.int8)
        codes[touching | within] = CLASS_CODES["edge"]
        codes[share >= MIN_INSIDE_SHARE - 1e-9] = CLASS_CODES["inside"]
        return codes
    return run


def _native(sites_file, builtup_file, workdir):
    import numpy as np
    from qgis_headless import start_qgis
    start_qgis()
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer
    sites_uri = f"{sites_file}|layername=sites"
    builtup_uri = f"{builtup_file}|layername=builtup"
    count = QgsVectorLayer(sites_uri, "sites", "ogr").featureCount()

    def run():
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = QgsProcessingFeedback()

        def step(algorithm, parameters):
            parameters = dict(parameters, OUTPUT="TEMPORARY_OUTPUT")
            started = time.perf_counter()
            output = processing.run(algorithm, parameters, context=context, feedback=feedback)["OUTPUT"]
            print(f"{algorithm}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
            return context.getMapLayer(output) if isinstance(output, str) else output

        # Within the edge distance (exact distances; faster than buffering the contour,
        # which alone takes over a minute for this built-up area).
        near = step("native:extractwithindistance", {"INPUT": sites_uri, "REFERENCE": builtup_uri,
                                                     "DISTANCE": EDGE_DISTANCE_M + 0.001})
        # Inside share: the sites that meet the built-up area, cut by it; the pieces' areas
        # are summed per site in Python (native:aggregate takes minutes at 100k: it
        # evaluates an expression per group).
        touching = step("native:extractbylocation", {"INPUT": sites_uri, "PREDICATE": [0],
                                                     "INTERSECT": builtup_uri})
        pieces = step("native:intersection", {"INPUT": touching, "OVERLAY": builtup_uri,
                                              "INPUT_FIELDS": ["parcel_id"], "OVERLAY_FIELDS": ["kern_id"]})
        site_area = {feature["parcel_id"]: feature.geometry().area() for feature in touching.getFeatures()}
        inside_area = dict.fromkeys(site_area, 0.0)
        for feature in pieces.getFeatures():
            inside_area[feature["parcel_id"]] += feature.geometry().area()
        # The classes (parcel_id is 1..n in file order).
        codes = np.full(count, CLASS_CODES["outside"], dtype=np.int8)
        for feature in near.getFeatures():
            codes[feature["parcel_id"] - 1] = CLASS_CODES["edge"]
        for parcel, area in inside_area.items():
            if site_area[parcel] > 0 and area / site_area[parcel] >= MIN_INSIDE_SHARE - 1e-9:
                codes[parcel - 1] = CLASS_CODES["inside"]
        return codes
    return run


def _processing(sites_file, builtup_file, workdir, output=None):
    import numpy as np
    from qgis_headless import start_qgis
    start_qgis()
    import processing
    from qgis.core import QgsFeatureRequest, QgsVectorLayer
    output = output or workdir / "processing_output.gpkg"

    def run():
        if isinstance(output, Path) and output.exists():
            output.unlink()
        result = processing.run("flexwonen:classifysites", {
            "SITES": f"{sites_file}|layername=sites", "SITE_ID_FIELD": "parcel_id",
            "BUILTUP": f"{builtup_file}|layername=builtup", "KERN_NAME_FIELD": "kern_name",
            "EDGE_DISTANCE": EDGE_DISTANCE_M, "MIN_INSIDE_SHARE": MIN_INSIDE_SHARE,
            "OUTPUT": str(output)})

        def collect():
            layer = result["OUTPUT"]
            if isinstance(layer, str):
                layer = QgsVectorLayer(layer, "out", "ogr")
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
            request.setSubsetOfAttributes(["parcel_id", "location_class"], layer.fields())
            codes = np.full(layer.featureCount(), NO_CLASS, dtype=np.int8)
            for feature in layer.getFeatures(request):
                codes[feature["parcel_id"] - 1] = CLASS_CODES.get(feature["location_class"], NO_CLASS)
            return codes
        return collect
    return run


def _processing_memory(sites_file, builtup_file, workdir):
    return _processing(sites_file, builtup_file, workdir, output="TEMPORARY_OUTPUT")


def _streamed(sites_file, builtup_file, workdir):
    import numpy as np
    import pyogrio
    from limburg_flexwonen_plugin.core.classify_sites import ClassificationParameters
    from limburg_flexwonen_plugin.core.classify_sites_streamed import classify_sites_streamed
    builtup = pyogrio.read_dataframe(builtup_file)
    output = workdir / "streamed_output.gpkg"

    def run():
        classify_sites_streamed(sites_file, builtup, output, site_id_field="parcel_id",
                                parameters=ClassificationParameters(EDGE_DISTANCE_M, MIN_INSIDE_SHARE))

        def collect():
            result = pyogrio.read_dataframe(output, columns=["parcel_id", "location_class"],
                                            read_geometry=False)
            codes = np.full(len(result), NO_CLASS, dtype=np.int8)
            codes[result["parcel_id"].values - 1] = _codes(result["location_class"].values)
            return codes
        return collect
    return run


# -- the run ----------------------------------------------------------------------------
def run_measurement(method: str, size: int, workdir: Path, timeout: float) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--measure", method,
               "--size", str(size), "--workdir", str(workdir)]
    environment = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    try:
        finished = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                  env=environment, check=False)
    except subprocess.TimeoutExpired:
        return {"method": method, "size": size, "error": f"stopped after {timeout:.0f} s"}
    for line in reversed(finished.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    tail = (finished.stderr or finished.stdout).strip().splitlines()[-3:]
    return {"method": method, "size": size, "error": " | ".join(tail) or f"exit {finished.returncode}"}


def median_run(measured):
    """The run with the median wall time (its CPU time with it), the highest peak of all
    runs, and every run's wall time; the first error if a run failed."""
    failed = [result for result in measured if "error" in result]
    if failed:
        return failed[0]
    ordered = sorted(measured, key=lambda result: result["wall"])
    chosen = dict(ordered[(len(ordered) - 1) // 2])
    chosen["peak"] = max(result["peak"] for result in measured)
    chosen["walls"] = [result["wall"] for result in measured]
    return chosen


def compare(workdir: Path, method: str, size: int, reference: str = "geopandas"):
    """(sites agreeing, sites compared) between a method's classes and the reference's."""
    import numpy as np
    mine, theirs = classes_path(workdir, method, size), classes_path(workdir, reference, size)
    if not (mine.exists() and theirs.exists()):
        return None
    a, b = np.load(mine), np.load(theirs)
    if len(a) != len(b):
        return (0, max(len(a), len(b)))
    return (int((a == b).sum()), len(a))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="numbers of sites, comma-separated (default: 10000,100000,1000000)")
    parser.add_argument("--baseline-max", type=int, default=100_000,
                        help="largest size the geopandas baseline runs at (default 100000: at 1M it "
                             "takes longer than the whole benchmark may)")
    parser.add_argument("--native-max", type=int, default=100_000,
                        help="largest size the QGIS native pipeline runs at (default 100000)")
    parser.add_argument("--processing-sizes", default="100000",
                        help="sizes for the plugin's Processing algorithm end to end (default 100000)")
    parser.add_argument("--streamed-sizes", default="1000000",
                        help="sizes for the streamed GeoPackage mode (default 1000000)")
    parser.add_argument("--methods", default=",".join(METHOD_LABELS),
                        help="methods to run, comma-separated (default: all of "
                             + ", ".join(METHOD_LABELS) + ")")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per measurement; the median counts (default 3)")
    parser.add_argument("--repeat-max", type=int, default=100_000,
                        help="largest size repeated for methods other than the core (default "
                             "100000: the 1M streamed run is long and steady)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per measurement")
    parser.add_argument("--workdir", type=Path, default=ROOT / "output" / "bench")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    if arguments.measure:
        print(json.dumps(measure(arguments.measure, arguments.size, arguments.workdir)))
        return 0

    sizes = sorted({int(size) for size in arguments.sizes.split(",") if size.strip()})
    processing_sizes = {int(size) for size in arguments.processing_sizes.split(",") if size.strip()}
    streamed_sizes = {int(size) for size in arguments.streamed_sizes.split(",") if size.strip()}
    _, (kernen, vertices, holes, multipart) = prepare_data(arguments.workdir, sizes, arguments.native_max)
    print(f"built-up area: {kernen} kernen, {vertices:,} vertices, {holes} holes, "
          f"{multipart} multipart kernen (synthetic, seeded)")
    print(f"rule: edge distance {EDGE_DISTANCE_M:g} m, minimum inside share {MIN_INSIDE_SHARE:g}; "
          f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start\n", flush=True)

    methods = {name.strip() for name in arguments.methods.split(",") if name.strip()}
    plan = []
    for size in sizes:
        plan.append(("core", size))
        if size <= arguments.baseline_max:
            plan.append(("geopandas", size))
        if size <= arguments.native_max:
            plan.append(("native", size))
        if size in processing_sizes:
            plan.append(("processing", size))
            plan.append(("processing-memory", size))
        if size in streamed_sizes:
            plan.append(("streamed", size))
    plan = [(method, size) for method, size in plan if method in methods]
    # Repeated in rounds (not back to back), so a busy minute on a shared machine
    # does not fall on one method only; the median run counts.
    runs = {key: [] for key in plan}
    for round_number in range(1, max(arguments.repeat, 1) + 1):
        for method, size in plan:
            if round_number > 1 and size > arguments.repeat_max and method != "core":
                continue
            print(f"… {METHOD_LABELS[method]}, {size:,} sites"
                  + (f" (round {round_number})" if round_number > 1 else ""), flush=True)
            runs[(method, size)].append(run_measurement(method, size, arguments.workdir, arguments.timeout))
    results = {key: median_run(measured) for key, measured in runs.items()}
    print()
    print_table(results, sizes, arguments.workdir)
    print_checks(results, arguments.workdir)
    print_notes(results, sizes, arguments)
    return 0


def print_table(results, sizes, workdir):
    header = (f"{'sites':>9}  {'method':<32}{'wall s':>8}{'CPU s':>8}{'sites/s':>11}"
              f"{'peak MiB':>10}{'+MiB':>7}{'x geopandas':>13}{'x native':>10}  classes = geopandas")
    print(header)
    print("-" * len(header))
    for size in sizes:
        baseline = results.get(("geopandas", size), {})
        native = results.get(("native", size), {})
        for method in ("core", "geopandas", "native", "processing", "processing-memory", "streamed"):
            result = results.get((method, size))
            if result is None:
                continue
            label = METHOD_LABELS[method]
            if "error" in result:
                print(f"{size:>9,}  {label:<32}  not measured: {result['error']}")
                continue
            wall = result["wall"]
            ratio_baseline = _ratio(baseline, wall) if method != "geopandas" else ""
            ratio_native = _ratio(native, wall) if method != "native" else ""
            agreement = compare(workdir, method, size) if method != "geopandas" else None
            check = "(reference)" if method == "geopandas" else (
                "no baseline at this size" if agreement is None else
                f"{'yes' if agreement[0] == agreement[1] else 'NO'}: {agreement[0]:,} of {agreement[1]:,}")
            print(f"{size:>9,}  {label:<32}{wall:>8.2f}{result['cpu']:>8.2f}{size / wall:>11,.0f}"
                  f"{result['peak'] / 2**20:>10,.0f}{(result['peak'] - result['before']) / 2**20:>7,.0f}"
                  f"{ratio_baseline:>13}{ratio_native:>10}  {check}")
    print()


def _ratio(reference, wall):
    if not reference or "error" in reference:
        return "–"
    return f"{reference['wall'] / wall:.1f}x"


def print_checks(results, workdir):
    """The Processing algorithm's time against the core's (target: at most twice), and
    where no baseline ran, the core's classes against the streamed run's."""
    for (method, size), result in sorted(results.items()):
        core = results.get(("core", size))
        if method.startswith("processing") and "error" not in result and core and "error" not in core:
            print(f"{size:,} sites: {METHOD_LABELS[method]} takes "
                  f"{result['wall'] / core['wall']:.2f} times the core's time "
                  f"({'within' if result['wall'] <= 2 * core['wall'] else 'over'} the target of 2; "
                  f"runs {_walls(result)} s against the core's {_walls(core)} s)")
    for (method, size), result in sorted(results.items()):
        if method == "streamed" and "error" not in result and compare(workdir, "streamed", size) is None:
            agreement = compare(workdir, "streamed", size, reference="core")
            if agreement:
                print(f"{size:,} sites: streamed classes equal the core's on "
                      f"{agreement[0]:,} of {agreement[1]:,} sites")


def _walls(result):
    return ", ".join(f"{wall:.2f}" for wall in result.get("walls", [result["wall"]]))


def print_notes(results, sizes, arguments):
    print(f"wall/CPU: seconds of the timed step, the median of {arguments.repeat} runs in separate "
          f"rounds (above {arguments.repeat_max:,} sites only the core is repeated); peak: the "
          "process's peak resident memory over the runs (VmHWM, C libraries included); +MiB: peak minus the memory held before the step "
          "(inputs already loaded for core and geopandas; QGIS started for native and processing).")
    print("x geopandas / x native: how many times faster than that baseline at the same size "
          "(medians against medians).")
    for (method, size), result in sorted(results.items()):
        if len(result.get("walls", [])) > 1:
            print(f"  {METHOD_LABELS[method]}, {size:,} sites: runs {_walls(result)} s")
    skipped = [size for size in sizes if size > arguments.baseline_max]
    if skipped:
        print(f"geopandas baseline not run above {arguments.baseline_max:,} sites (it grows to many "
              f"minutes; use --baseline-max to run it).")
    skipped = [size for size in sizes if size > arguments.native_max]
    if skipped:
        print(f"QGIS native pipeline not run above {arguments.native_max:,} sites (use --native-max).")


if __name__ == "__main__":
    sys.exit(main())
