"""The bridge between QGIS and the pure core: the only place where QGIS objects and
frames meet.

* ``read``: layers and tables to (Geo)DataFrames, reprojected to RD New by QGIS;
* ``write``: frames to feature sinks; ``geopackage``/``packed_rtree``: the fast
  route for new GeoPackage files;
* ``values``: attribute values and field types both ways; ``crs``: CRSs and
  reprojection with QgsCoordinateTransform;
* ``settings``, ``language``, ``messages``, ``log``: the plugin's settings, the
  user's language, input problems in that language, logging to QGIS's log panel.

Thread rule (the reason for much of this package's shape): no pyproj object is
made or used in a worker thread. See ``read``.
"""
