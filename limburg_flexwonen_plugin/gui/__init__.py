"""The plugin's widgets inside QGIS: the site assessment panel ("Locatietoets"), its map
tools and background task, the province analysis action and the settings page. Every
analysis they show comes from ``core``; this package only reads layers, runs the core in
the background and shows the result."""
