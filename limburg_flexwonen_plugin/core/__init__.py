"""Pure analysis core: geopandas, shapely, pyproj and rasterio only, never ``qgis``.

Every analysis has exactly one implementation here; the Processing algorithms, the
dock panel and the layout exports all call these functions.
"""
