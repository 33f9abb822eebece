#!/usr/bin/env bash
# Makes the project's venv on this Debian release: Python from /usr/bin (the one QGIS
# uses) with --system-site-packages, so that QGIS, GDAL, GEOS, PROJ and the GIS Python
# packages are Debian's, one build of each for QGIS and the libraries.
#
#   Debian 12: shapely, pyogrio and geopandas built from source against Debian's
#              GEOS and GDAL (requirements/gis-debian12.txt), numpy/pandas/pyproj/
#              rasterio kept at Debian's builds (requirements/constraints-debian12.txt).
#   Debian 13+: everything GIS from Debian; pip may not replace any of it: the
#              installed versions are pinned as constraints before pip runs.
# Then the test tools (requirements/dev.txt) from PyPI.
set -euo pipefail
VENV="${1:?usage: setup_venv.sh VENV}"
cd "$(dirname "$0")/.."
. /etc/os-release
RELEASE="${VERSION_ID:-unknown}"
RELEASE="${RELEASE%%.*}"

test -x "$VENV/bin/python" || /usr/bin/python3 -m venv --system-site-packages "$VENV"
PIP=("$VENV/bin/python" -m pip install -q --disable-pip-version-check)
if [ -n "${PIP_CERT:-}" ]; then PIP+=(--cert "$PIP_CERT"); fi

if [ "$RELEASE" = 12 ]; then
  "${PIP[@]}" -c requirements/constraints-debian12.txt --no-binary shapely,pyogrio \
    -r requirements/gis-debian12.txt -r requirements/dev.txt
else
  constraints="$VENV/constraints-debian$RELEASE.txt"
  /usr/bin/python3 - > "$constraints" <<'PY'
from importlib import metadata
for name in ("numpy", "pandas", "shapely", "pyproj", "pyogrio", "geopandas", "rasterio",
             "affine", "dask", "distributed"):
    try:
        print(f"{name}=={metadata.version(name)}")
    except metadata.PackageNotFoundError:
        pass
PY
  "${PIP[@]}" -c "$constraints" -r requirements/dev.txt
  # dask-geopandas is pure Python and not packaged by Debian: without dependencies, so
  # that it runs on Debian's dask, geopandas and shapely (tests only). Its 0.5 line needs
  # dask 2025.1 or newer (dask-expr merged into dask), and so does 0.4.3; Debian 13 has
  # dask 2024.12, whose last match is 0.4.2.
  dask_geopandas="$(/usr/bin/python3 - <<'PY'
from importlib import metadata
version = tuple(int(part) for part in metadata.version("dask").split("+")[0].split(".")[:2])
print("dask-geopandas>=0.5,<0.6" if version >= (2025, 1) else "dask-geopandas==0.4.2")
PY
)"
  "${PIP[@]}" --no-deps "$dask_geopandas"
fi
