<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>BuiltupFromRasterAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/builtup_from_raster.py" />
            <source>Built-up area from a raster</source>
            <translation>Bestaand bebouwd gebied uit een raster</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/builtup_from_raster.py" />
            <source>Turns a built-up raster into built-up area polygons that can serve as the built-up input of 'Classify candidate sites by built-up area'.

Raster: a file-based raster, either 0/1 (1 = built-up) or a built-up share.
Band: the band holding the values.
Threshold: cells with a value at least this are built-up (0.5 suits a 0/1 raster and a 0–1 share; use e.g. 50 for a percentage).
Minimum area (m²): smaller polygons are dropped.

Neighbouring built-up cells (sharing a side) form one polygon; nodata cells are never built-up. Built-up area (output): polygons in EPSG:28992 with kern_id, kern_name ('built-up area N': a raster has no names; rename them for the card) and area_m2. Polygons from a raster in another CRS are reprojected. Needs the Python package rasterio in QGIS's Python.</source>
            <translation>Zet een raster van bebouwd gebied om in polygonen van bestaand bebouwd gebied, te gebruiken als invoer 'Bestaand bebouwd gebied' van 'Kandidaatlocaties classificeren naar bestaand bebouwd gebied'.

Raster: een raster uit een bestand, met 0/1 (1 = bebouwd) of een aandeel bebouwd.
Band: de band met de waarden.
Drempel: cellen met een waarde van minstens deze drempel zijn bebouwd (0,5 past bij een 0/1-raster en bij een aandeel 0–1; gebruik bijvoorbeeld 50 voor een percentage).
Minimale oppervlakte (m²): kleinere polygonen vervallen.

Aangrenzende bebouwde cellen (met een gemeenschappelijke zijde) vormen één polygoon; cellen zonder gegevens (nodata) zijn nooit bebouwd. Bestaand bebouwd gebied (uitvoer): polygonen in EPSG:28992 met kern_id, kern_name ('built-up area N': een raster heeft geen namen; geef ze namen voor de resultaatkaart van de locatietoets) en area_m2. Polygonen uit een raster in een ander coördinatenstelsel worden omgezet. Vereist het Python-pakket rasterio in de Python van QGIS.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/builtup_from_raster.py" />
            <source>Built-up raster</source>
            <translation>Raster bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/builtup_from_raster.py" />
            <source>Band</source>
            <translation>Band</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/builtup_from_raster.py" />
            <source>Threshold (value counted as built-up)</source>
            <translation>Drempel (waarde die als bebouwd telt)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/builtup_from_raster.py" />
            <source>Minimum area (m²)</source>
            <translation>Minimale oppervlakte (m²)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/builtup_from_raster.py" />
            <source>Built-up area</source>
            <translation>Bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/builtup_from_raster.py" />
            <source>{0} built-up polygons</source>
            <translation>{0} polygonen bebouwd gebied</translation>
        </message>
    </context>
    <context>
        <name>ClassifySitesAlgorithm</name>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Classify candidate sites by built-up area</source>
            <translation>Kandidaatlocaties classificeren naar bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Classifies each candidate site (point or polygon) as inside, at the edge of, or outside the existing built-up area.

Rule: a site is inside when at least the minimum share of its area lies inside the built-up area (a point: when it lies inside or on the boundary); at the edge when it is not inside but overlaps, touches or lies within the edge distance of the built-up area; outside otherwise.

Candidate sites: points or polygons in any CRS; all measurements are made in EPSG:28992 (RD New).
Site id field: the field that identifies a site in the output (default: feature id).
Built-up area: polygons of the existing built-up area ('kernen').
Kern name field: the field with the kern's name, reported as the nearest kern.
Edge distance (m): sites within this distance of the built-up area are edge sites.
Minimum inside share: share of a site's area (0–1) that must lie inside for 'inside'.
Municipalities (optional): adds the municipality holding the largest part of each site, with a flag when the site straddles municipalities.
Municipality code, name and region fields: the fields of the municipalities layer copied to each site.

The defaults of the edge distance (250 m) and the minimum inside share (0.9) can be changed in Settings › Options › Flexwonen Limburg.

Invalid geometries are repaired and noted in 'remarks'; sites without a usable geometry get no class and a remark. The output keeps the input attributes and adds the result fields (location_class, location_label, inside_share, distance_m, nearest_kern, gm_code, gm_name, region, ...), including the parameters and rules version used.</source>
            <translation>Classificeert elke kandidaatlocatie (punt of polygoon) als binnen, aan de rand van of buiten bestaand bebouwd gebied.

Regel: een locatie ligt binnen als minstens het minimale aandeel van haar oppervlakte binnen bestaand bebouwd gebied ligt (een punt: als het erbinnen of op de grens ligt); aan de rand als ze niet binnen ligt maar het bebouwd gebied overlapt, raakt of binnen de randafstand ervan ligt; anders buiten.

Kandidaatlocaties: punten of polygonen in elk coördinatenstelsel; alle metingen gebeuren in EPSG:28992 (RD New).
Veld met locatie-id: het veld dat een locatie in de uitvoer aanduidt (standaard: het object-id).
Bestaand bebouwd gebied: polygonen van het bestaand bebouwd gebied ('kernen').
Veld met naam van de kern: het veld met de naam van de kern, gemeld als dichtstbijzijnde kern.
Randafstand (m): locaties binnen deze afstand van bestaand bebouwd gebied liggen aan de rand.
Minimaal aandeel binnen: het aandeel van de oppervlakte van een locatie (0–1) dat binnen moet liggen voor 'binnen'.
Gemeenten (optioneel): voegt de gemeente toe waarin het grootste deel van elke locatie ligt, met een markering als de locatie in meer dan één gemeente ligt.
Velden met gemeentecode, gemeentenaam en regio: de velden van de gemeentelaag die naar elke locatie worden overgenomen.

De standaardwaarden van de randafstand (250 m) en het minimale aandeel binnen (0,9) zijn te wijzigen onder Extra › Opties › Flexwonen Limburg.

Ongeldige geometrieën worden hersteld en vermeld in 'remarks'; locaties zonder bruikbare geometrie krijgen geen klasse en een opmerking. De uitvoer behoudt de attributen van de invoer en voegt de resultaatvelden toe (location_class, location_label, inside_share, distance_m, nearest_kern, gm_code, gm_name, region, ...), met de gebruikte parameters en regelversie.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Candidate sites</source>
            <translation>Kandidaatlocaties</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Site id field</source>
            <translation>Veld met locatie-id</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Built-up area</source>
            <translation>Bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Kern name field</source>
            <translation>Veld met naam van de kern</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Edge distance (m)</source>
            <translation>Randafstand (m)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Minimum share inside for 'inside' (0–1)</source>
            <translation>Minimaal aandeel binnen voor 'binnen' (0–1)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Municipalities</source>
            <translation>Gemeenten</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Municipality code field</source>
            <translation>Veld met gemeentecode</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Municipality name field</source>
            <translation>Veld met gemeentenaam</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Region field</source>
            <translation>Veld met regio</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Classified sites</source>
            <translation>Geclassificeerde locaties</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Reading layers…</source>
            <translation>Lagen lezen…</translation>
        </message>
        <message>
            <location filename="../processing/algorithms/classify_sites.py" />
            <source>Classifying {0} sites…</source>
            <translation>{0} locaties classificeren…</translation>
        </message>
    </context>
    <context>
        <name>FlexwonenAlgorithm</name>
        <message>
            <location filename="../processing/base.py" />
            <source>Location</source>
            <translation>Locatie</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Housing norms</source>
            <translation>Huisvestingsnormen</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Municipal picture</source>
            <translation>Gemeentelijk beeld</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Business housing effect</source>
            <translation>Huisvestingseffect van bedrijven</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Maps and reports</source>
            <translation>Kaarten en rapporten</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Data preparation</source>
            <translation>Gegevens voorbereiden</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Cancelled: nothing was written.</source>
            <translation>Geannuleerd: er is niets weggeschreven.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" />
            <source>Unexpected error in {0}: {1}. Details are in the log panel under 'Flexwonen Limburg'.</source>
            <translation>Onverwachte fout in {0}: {1}. Details staan in het logpaneel onder 'Flexwonen Limburg'.</translation>
        </message>
    </context>
    <context>
        <name>FlexwonenOptionsFactory</name>
        <message>
            <location filename="../gui/options_page.py" />
            <source>Flexwonen Limburg</source>
            <translation>Flexwonen Limburg</translation>
        </message>
    </context>
    <context>
        <name>FlexwonenOptionsPage</name>
        <message>
            <location filename="../gui/options_page.py" />
            <source>Site classification defaults</source>
            <translation>Standaardwaarden voor de locatieklasse</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>Edge distance</source>
            <translation>Randafstand</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>Minimum share inside for 'inside'</source>
            <translation>Minimaal aandeel binnen voor 'binnen'</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>A site is inside when at least this share of it lies inside the built-up area, at the edge when it lies within the edge distance of it, and outside otherwise. These are the defaults of the Processing algorithms and the values the site assessment panel uses.</source>
            <translation>Een locatie ligt binnen als minstens dit aandeel ervan binnen bestaand bebouwd gebied ligt, aan de rand als ze binnen de randafstand ervan ligt, en anders buiten. Dit zijn de standaardwaarden van de Processing-algoritmen en de waarden die het paneel Locatietoets gebruikt.</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>Restore the rules' defaults</source>
            <translation>Standaardwaarden uit de regels herstellen</translation>
        </message>
    </context>
    <context>
        <name>FlexwonenPlugin</name>
        <message>
            <location filename="../plugin.py" />
            <source>Flexwonen Limburg</source>
            <translation>Flexwonen Limburg</translation>
        </message>
        <message>
            <location filename="../plugin.py" />
            <source>Site assessment (Locatietoets)</source>
            <translation>Locatietoets</translation>
        </message>
        <message>
            <location filename="../plugin.py" />
            <source>Province analysis (one click)</source>
            <translation>Provincieanalyse (één klik)</translation>
        </message>
        <message>
            <location filename="../plugin.py" />
            <source>Classify candidate sites…</source>
            <translation>Kandidaatlocaties classificeren…</translation>
        </message>
        <message>
            <location filename="../plugin.py" />
            <source>Province analysis</source>
            <translation>Provincieanalyse</translation>
        </message>
    </context>
    <context>
        <name>FlexwonenProvider</name>
        <message>
            <location filename="../processing/provider.py" />
            <source>Flexwonen Limburg</source>
            <translation>Flexwonen Limburg</translation>
        </message>
    </context>
    <context>
        <name>ProvinceAnalysis</name>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>the demo data is not part of this installation</source>
            <translation>de demodata zijn geen onderdeel van deze installatie</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>Municipalities (demo)</source>
            <translation>Gemeenten (demo)</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>Built-up area (demo)</source>
            <translation>Bestaand bebouwd gebied (demo)</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>Accommodations (demo)</source>
            <translation>Huisvestingslocaties (demo)</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>Candidate sites (demo)</source>
            <translation>Kandidaatlocaties (demo)</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>Candidate points (demo)</source>
            <translation>Kandidaatpunten (demo)</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>{0} – location class</source>
            <translation>{0} – locatieklasse</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>the province analysis is already running</source>
            <translation>de provincieanalyse loopt al</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>No built-up area and candidate sites chosen in the site assessment panel: running on the demo data (synthetic) for a first look.</source>
            <translation>In het paneel Locatietoets zijn geen lagen voor bestaand bebouwd gebied en kandidaatlocaties gekozen: de analyse draait op de (synthetische) demodata, als eerste kennismaking.</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>Running on the layers chosen in the site assessment panel.</source>
            <translation>De analyse draait op de lagen die in het paneel Locatietoets gekozen zijn.</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>algorithm {0} is not available</source>
            <translation>algoritme {0} is niet beschikbaar</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>cancelled or failed; see the log</source>
            <translation>geannuleerd of mislukt; zie het logboek</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>Flexwonen Limburg – province analysis {0}</source>
            <translation>Flexwonen Limburg – provincieanalyse {0}</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>{0} sites: {1} inside, {2} at the edge, {3} outside the built-up area.</source>
            <translation>{0} locaties: {1} binnen, {2} aan de rand van en {3} buiten bestaand bebouwd gebied.</translation>
        </message>
    </context>
    <context>
        <name>ResultCard</name>
        <message>
            <location filename="../gui/card.py" />
            <source>no class (no usable geometry)</source>
            <translation>geen klasse (geen bruikbare geometrie)</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>unknown</source>
            <translation>onbekend</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>no</source>
            <translation>nee</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>{0} km</source>
            <translation>{0} km</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>{0} m</source>
            <translation>{0} m</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>{0} %</source>
            <translation>{0}%</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>Site {0}</source>
            <translation>Locatie {0}</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>{0} sites assessed</source>
            <translation>{0} locaties getoetst</translation>
        </message>
    </context>
    <context>
        <name>ResultsLayer</name>
        <message>
            <location filename="../gui/results_layer.py" />
            <source>Site assessments (points)</source>
            <translation>Locatietoetsen (punten)</translation>
        </message>
        <message>
            <location filename="../gui/results_layer.py" />
            <source>Site assessments</source>
            <translation>Locatietoetsen</translation>
        </message>
        <message>
            <location filename="../gui/results_layer.py" />
            <source>the layer did not accept the features</source>
            <translation>de laag heeft de objecten niet aangenomen</translation>
        </message>
    </context>
    <context>
        <name>SiteAssessment</name>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Location</source>
            <translation>Ligging</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Location class</source>
            <translation>Locatieklasse</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Share inside the built-up area</source>
            <translation>Aandeel binnen bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Distance to the built-up area</source>
            <translation>Afstand tot bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Nearest kern</source>
            <translation>Dichtstbijzijnde kern</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Basis</source>
            <translation>Grondslag</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Edge distance used</source>
            <translation>Gebruikte randafstand</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Minimum share inside used</source>
            <translation>Gebruikt minimaal aandeel binnen</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Rules</source>
            <translation>Regels</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Municipality</source>
            <translation>Gemeente</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Municipality code</source>
            <translation>Gemeentecode</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Region</source>
            <translation>Regio</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Share of the site in this municipality</source>
            <translation>Aandeel van de locatie in deze gemeente</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Straddles municipalities</source>
            <translation>Ligt in meer dan één gemeente</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Planned beds</source>
            <translation>Geplande bedden</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Labour migrants in the municipality</source>
            <translation>Arbeidsmigranten in de gemeente</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Beds in existing accommodations in the municipality</source>
            <translation>Bedden in bestaande huisvesting in de gemeente</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Beds in permitted or planned accommodations in the municipality</source>
            <translation>Bedden in vergunde of geplande huisvesting in de gemeente</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Nearest accommodation</source>
            <translation>Dichtstbijzijnde huisvestingslocatie</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Distance to the nearest accommodation</source>
            <translation>Afstand tot de dichtstbijzijnde huisvestingslocatie</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Context</source>
            <translation>Omgeving</translation>
        </message>
        <message>
            <location filename="../core/site_assessment.py" />
            <source>Remarks</source>
            <translation>Opmerkingen</translation>
        </message>
    </context>
    <context>
        <name>SiteAssessmentDock</name>
        <message>
            <location filename="../gui/panel.py" />
            <source>Site assessment (Locatietoets)</source>
            <translation>Locatietoets</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Choose the layers, then click a site on the map, use the selected sites or draw a new site.</source>
            <translation>Kies de lagen en klik daarna op een locatie op de kaart, gebruik de geselecteerde locaties of teken een nieuwe locatie.</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Layers</source>
            <translation>Lagen</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Built-up area</source>
            <translation>Bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Municipalities</source>
            <translation>Gemeenten</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Accommodations</source>
            <translation>Huisvestingslocaties</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Labour migrants (table)</source>
            <translation>Arbeidsmigranten (tabel)</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Field names</source>
            <translation>Veldnamen</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Kern name</source>
            <translation>Naam van de kern</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Municipality code</source>
            <translation>Gemeentecode</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Municipality name</source>
            <translation>Gemeentenaam</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Region</source>
            <translation>Regio</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Accommodation name</source>
            <translation>Naam huisvestingslocatie</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Beds</source>
            <translation>Bedden</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Status (existing / permitted / planned)</source>
            <translation>Status (bestaand / vergund / gepland)</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Migrants: municipality code</source>
            <translation>Migranten: gemeentecode</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Migrants: year</source>
            <translation>Migranten: jaar</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Migrants: number</source>
            <translation>Migranten: aantal</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Site id</source>
            <translation>Locatie-id</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Site name</source>
            <translation>Locatienaam</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Planned beds</source>
            <translation>Geplande bedden</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Site</source>
            <translation>Locatie</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Candidate sites</source>
            <translation>Kandidaatlocaties</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Click a site</source>
            <translation>Klik een locatie</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Click a site of the candidate sites layer on the map</source>
            <translation>Klik op de kaart op een locatie van de laag met kandidaatlocaties</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Use selected</source>
            <translation>Selectie toetsen</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Assess the selected features of the candidate sites layer</source>
            <translation>Toets de geselecteerde objecten van de laag met kandidaatlocaties</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Draw a site</source>
            <translation>Teken een locatie</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Draw a new site polygon: click the corners, right-click to finish, Esc to start over</source>
            <translation>Teken een nieuwe locatie: klik de hoekpunten, rechtsklik om af te ronden, Esc om opnieuw te beginnen</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Zoom to site</source>
            <translation>Zoom naar locatie</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Zoom the map to the assessed site</source>
            <translation>Zoom de kaart in op de getoetste locatie</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Add to layer</source>
            <translation>Aan laag toevoegen</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Add the assessed sites with their results to the layer chosen below (empty: a new memory layer)</source>
            <translation>Voeg de getoetste locaties met hun uitkomst toe aan de laag hieronder (leeg: een nieuwe tijdelijke laag)</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Export site report</source>
            <translation>Locatierapport exporteren</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Export the site report (PDF)</source>
            <translation>Het locatierapport exporteren (PDF)</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Results layer (empty: a new layer)</source>
            <translation>Resultatenlaag (leeg: een nieuwe laag)</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Help</source>
            <translation>Help</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Open the user guide</source>
            <translation>De handleiding openen</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Edge distance {0} m, minimum share inside {1} (Settings › Options › Flexwonen Limburg)</source>
            <translation>Randafstand {0} m, minimaal aandeel binnen {1} (Extra › Opties › Flexwonen Limburg)</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Choose the candidate sites layer first.</source>
            <translation>Kies eerst de laag met kandidaatlocaties.</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>No site of layer '{0}' here. Click inside a site (or on a point).</source>
            <translation>Hier ligt geen locatie van laag '{0}'. Klik binnen een locatie (of op een punt).</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>No features are selected in layer '{0}'.</source>
            <translation>In laag '{0}' zijn geen objecten geselecteerd.</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>drawn-{0}</source>
            <translation>getekend-{0}</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Drawn site {0}</source>
            <translation>Getekende locatie {0}</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>drawn site</source>
            <translation>getekende locatie</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Choose the built-up area layer first.</source>
            <translation>Kies eerst de laag met bestaand bebouwd gebied.</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Flexwonen Limburg: site assessment</source>
            <translation>Flexwonen Limburg: locatietoets</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Assessing…</source>
            <translation>Bezig met toetsen…</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Cancelled: nothing was assessed.</source>
            <translation>Geannuleerd: er is niets getoetst.</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Could not assess the site: {0}</source>
            <translation>De locatie kon niet worden getoetst: {0}</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Dashed line on the map: the edge distance around the built-up area.</source>
            <translation>Stippellijn op de kaart: de randafstand rond bestaand bebouwd gebied.</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Layer '{0}' cannot hold these sites (other geometry type); they went to a new layer.</source>
            <translation>Laag '{0}' kan deze locaties niet bevatten (ander geometrietype); ze staan in een nieuwe laag.</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Could not add to layer '{0}': {1}</source>
            <translation>Toevoegen aan laag '{0}' is mislukt: {1}</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>{0} site(s) added to the results layer.</source>
            <translation>{0} locatie(s) toegevoegd aan de resultatenlaag.</translation>
        </message>
        <message>
            <location filename="../gui/panel.py" />
            <source>Site assessment</source>
            <translation>Locatietoets</translation>
        </message>
        <message>
            <source>Results layer</source>
            <translation type="vanished">Resultatenlaag</translation>
        </message>
    </context>
</TS>
