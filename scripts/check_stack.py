"""Fails loudly when the Python GIS stack does not share QGIS's libraries."""
import sys

import geopandas
import pyogrio
import pyproj
import rasterio
import shapely
from osgeo import gdal

problems = []
if pyogrio.__gdal_version_string__ != gdal.__version__.split("-")[0]:
    problems.append(f"pyogrio uses GDAL {pyogrio.__gdal_version_string__}, QGIS uses {gdal.__version__}")
if rasterio.__gdal_version__ != gdal.__version__.split("-")[0]:
    problems.append(f"rasterio uses GDAL {rasterio.__gdal_version__}, QGIS uses {gdal.__version__}")
print(
    f"stack: geopandas {geopandas.__version__}, shapely {shapely.__version__} (GEOS {shapely.geos_version_string}), "
    f"pyogrio {pyogrio.__version__} (GDAL {pyogrio.__gdal_version_string__}), pyproj {pyproj.__version__} "
    f"(PROJ {pyproj.proj_version_str}), rasterio {rasterio.__version__}"
)
if problems:
    sys.exit("\n".join(problems))
