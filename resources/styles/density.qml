<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Labeling">
  <pipe-data-defined-properties>
    <Option type="Map">
      <Option value="" name="name" type="QString"/>
      <Option name="properties"/>
      <Option value="collection" name="type" type="QString"/>
    </Option>
  </pipe-data-defined-properties>
  <pipe>
    <provider>
      <resampling enabled="false" zoomedOutResamplingMethod="nearestNeighbour" zoomedInResamplingMethod="nearestNeighbour" maxOversampling="2"/>
    </provider>
    <rasterrenderer opacity="1" band="1" alphaBand="-1" classificationMin="0" type="singlebandpseudocolor" classificationMax="20" nodataColor="">
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <rastershader>
        <colorrampshader colorRampType="DISCRETE" maximumValue="20" minimumValue="0" labelPrecision="6" classificationMode="1" clip="0">
          <item color="#000000" label="0" value="0" alpha="0"/>
          <item color="#ffffb2" label="meer dan 0 tot 1" value="1" alpha="255"/>
          <item color="#fecc5c" label="1 tot 2,5" value="2.5" alpha="255"/>
          <item color="#fd8d3c" label="2,5 tot 5" value="5" alpha="255"/>
          <item color="#f03b20" label="5 tot 10" value="10" alpha="255"/>
          <item color="#bd0026" label="10 tot 20" value="20" alpha="255"/>
          <item color="#67000d" label="20 of meer" value="inf" alpha="255"/>
          <rampLegendSettings maximumLabel="" orientation="2" suffix="" minimumLabel="" useContinuousLegend="1" direction="0" prefix="">
            <numericFormat id="basic">
              <Option type="Map">
                <Option value="" name="decimal_separator" type="QChar"/>
                <Option value="6" name="decimals" type="int"/>
                <Option value="0" name="rounding_type" type="int"/>
                <Option value="false" name="show_plus" type="bool"/>
                <Option value="true" name="show_thousand_separator" type="bool"/>
                <Option value="false" name="show_trailing_zeros" type="bool"/>
                <Option value="" name="thousand_separator" type="QChar"/>
              </Option>
            </numericFormat>
          </rampLegendSettings>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
    <brightnesscontrast gamma="1" contrast="0" brightness="0"/>
    <huesaturation grayscaleMode="0" colorizeGreen="128" colorizeStrength="100" saturation="0" colorizeBlue="128" colorizeRed="255" invertColors="0" colorizeOn="0"/>
    <rasterresampler maxOversampling="2"/>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
