"""`make demo`: the plugin's main jobs, headless through QGIS Processing, on the demo data.

Each step lives in ``demo_steps/step_NN_name.py`` and has ``run(demo)``; steps run in
the order of their number and share the ``Demo`` object (paths and earlier results).
"""
import argparse
import importlib
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from qgis_headless import ROOT, start_qgis, stop_qgis  # noqa: E402


@dataclass
class Demo:
    data: Path
    output: Path
    results: dict = field(default_factory=dict)

    def layer(self, name: str) -> str:
        return f"{self.data}|layername={name}"


def steps():
    folder = Path(__file__).resolve().parent / "demo_steps"
    return sorted(path.stem for path in folder.glob("step_*.py"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "test_data" / "limburg_demo.gpkg")
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--only", help="run only the steps whose name contains this text")
    arguments = parser.parse_args()
    arguments.output.mkdir(parents=True, exist_ok=True)
    start_qgis()
    # Debian's pandas 1.5 and QGIS's import hook warn about their own use of newer numpy
    # and shapely; not the user's business in the demo output. (Set after QGIS starts,
    # which resets the warning filters.)
    warnings.filterwarnings("ignore", "np.find_common_type is deprecated", DeprecationWarning)
    warnings.filterwarnings("ignore", "The 'shapely.geos' module is deprecated", DeprecationWarning)
    demo = Demo(arguments.data.resolve(), arguments.output.resolve())
    module = None
    for name in steps():
        if arguments.only and arguments.only not in name:
            continue
        started = time.perf_counter()
        module = importlib.import_module(f"demo_steps.{name}")
        print(f"\n== {module.TITLE} ==")
        module.run(demo)
        print(f"({time.perf_counter() - started:.1f} s)")
    # The steps' layers, released before QGIS closes its data sources.
    del demo, module
    stop_qgis()
    print(f"\nOutputs are in {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
