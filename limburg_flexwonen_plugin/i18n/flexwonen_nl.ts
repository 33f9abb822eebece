<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
    <context>
        <name>BuiltupFromRasterAlgorithm</name>
        <message>
            <location filename="../processing/location/builtup_from_raster.py" />
            <source>Built-up area from a raster</source>
            <translation>Bestaand bebouwd gebied uit een raster</translation>
        </message>
        <message>
            <location filename="../processing/location/builtup_from_raster.py" />
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
            <location filename="../processing/location/builtup_from_raster.py" />
            <source>Built-up raster</source>
            <translation>Raster bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../processing/location/builtup_from_raster.py" />
            <source>Band</source>
            <translation>Band</translation>
        </message>
        <message>
            <location filename="../processing/location/builtup_from_raster.py" />
            <source>Threshold (value counted as built-up)</source>
            <translation>Drempel (waarde die als bebouwd telt)</translation>
        </message>
        <message>
            <location filename="../processing/location/builtup_from_raster.py" />
            <source>Minimum area (m²)</source>
            <translation>Minimale oppervlakte (m²)</translation>
        </message>
        <message>
            <location filename="../processing/location/builtup_from_raster.py" />
            <source>Built-up area</source>
            <translation>Bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../processing/location/builtup_from_raster.py" />
            <source>{0} built-up polygons</source>
            <translation>{0} polygonen bebouwd gebied</translation>
        </message>
    </context>
    <context>
        <name>BusinessEffectAlgorithm</name>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Housing effect of a business</source>
            <translation>Huisvestingseffect van een bedrijf</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>How many beds for labour migrants a new or growing business needs, in which years, where (in which municipalities) and what that does to the housing gap: the calculator behind the housing effect report ('huisvestingseffectrapportage').

Businesses: points or polygons; several features are several businesses, giving one combined effect and per-business rows and reports. Jobs now and at full operation and their years, the phasing steps and the share of labour migrants come from fields of the layer or from the values typed in here (a field value wins).
Extra labour migrants = (jobs in a year − jobs now) × persons per job × share of labour migrants: only the growth counts. Share: the share field, else the sector table (sector field; the shipped table is empty until sourced figures are added), else the share typed in.
Extra beds = extra labour migrants × share per stay category ÷ persons per bed, in whole beds (the housing gap model's rounding). Phasing: linear from the current year to full operation, or steps 'year: jobs; year: jobs' (the last step is full operation).
Reach: a commuting radius (km), or distance bands 'from-to: weight' such as '0-10: 1; 10-20: 0.5'. Distance: straight line from the business to each municipality's nearest built-up area (with a built-up layer), else to its centroid.
Allocation over the municipalities within reach: distance decay (exp(−d/d0) or 1/d²), population, or available planned supply (permitted and planned beds), times the band weight; whole beds per stay category by largest remainder, so the allocated beds add up exactly to the demand. Demand that cannot be placed (a reach without municipalities, e.g. in Germany or Belgium; no planned supply within reach; with 'by area', the share of the reach across the border) is reported, never dropped silently.
Gap before and after: the housing gap model (municipalities, labour-migrant table, accommodations, scenario), with the placed beds added to the demand.

Outputs: the businesses with their effect (and a combined row), the extra beds per year (table and CSV), the allocation per business and municipality, the gap per municipality and per region after the effect (with the figures before), the reach, and a one-page PDF report per business in the report folder.</source>
            <translation>Hoeveel bedden voor arbeidsmigranten een nieuw of groeiend bedrijf nodig heeft, in welke jaren, waar (in welke gemeenten) en wat dat doet met de huisvestingsopgave: de rekenhulp achter de huisvestingseffectrapportage.

Bedrijven: punten of polygonen; meerdere objecten zijn meerdere bedrijven, met één gezamenlijk effect en rijen en rapporten per bedrijf. Banen nu en bij volledige bedrijfsvoering met hun jaren, de faseringsstappen en het aandeel arbeidsmigranten komen uit velden van de laag of uit de waarden die hier worden ingevuld (een veldwaarde gaat voor).
Extra arbeidsmigranten = (banen in een jaar − banen nu) × personen per baan × aandeel arbeidsmigranten: alleen de groei telt. Aandeel: het veld met het aandeel, anders de sectortabel (veld met sector; de meegeleverde tabel is leeg tot er cijfers met bron zijn toegevoegd), anders het ingevulde aandeel.
Extra bedden = extra arbeidsmigranten × aandeel per verblijfscategorie ÷ personen per bed, in hele bedden (de afronding van het model van de huisvestingsopgave). Fasering: lineair van het huidige jaar tot volledige bedrijfsvoering, of stappen 'jaar: banen; jaar: banen' (de laatste stap is volledige bedrijfsvoering).
Bereik: een pendelstraal (km), of afstandsbanden 'van-tot: gewicht' zoals '0-10: 1; 10-20: 0.5'. Afstand: in rechte lijn van het bedrijf tot het dichtstbijzijnde bebouwd gebied van elke gemeente (met een laag bebouwd gebied), anders tot haar zwaartepunt.
Verdeling over de gemeenten binnen bereik: afstandsverval (exp(−d/d0) of 1/d²), bevolking, of beschikbaar gepland aanbod (vergunde en geplande bedden), maal het gewicht van de band; hele bedden per verblijfscategorie met de methode van de grootste overschotten, zodat de verdeelde bedden precies optellen tot de vraag. Vraag die niet geplaatst kan worden (een bereik zonder gemeenten, bijvoorbeeld in Duitsland of België; geen gepland aanbod binnen bereik; bij 'naar oppervlakte' het deel van het bereik over de grens) wordt gemeld, nooit stilzwijgend weggelaten.
Huisvestingsopgave voor en na: het model van de huisvestingsopgave (gemeenten, tabel met arbeidsmigranten, huisvestingslocaties, scenario), met de geplaatste bedden opgeteld bij de vraag.

Uitvoer: de bedrijven met hun effect (en een gezamenlijke rij), de extra bedden per jaar (tabel en CSV), de verdeling per bedrijf en gemeente, de huisvestingsopgave per gemeente en per regio na het effect (met de cijfers ervoor), het bereik, en een PDF-rapport van één pagina per bedrijf in de map voor de rapporten.</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Business location(s)</source>
            <translation>Plek(ken) van het bedrijf</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Business id field (default: feature id)</source>
            <translation>Veld met bedrijfs-id (standaard: object-id)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Business name field</source>
            <translation>Veld met bedrijfsnaam</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Jobs now (0 for a new business)</source>
            <translation>Banen nu (0 voor een nieuw bedrijf)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Jobs now: field (wins over the value)</source>
            <translation>Banen nu: veld (gaat voor de waarde)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Current year</source>
            <translation>Huidig jaar</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Current year: field</source>
            <translation>Huidig jaar: veld</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Jobs at full operation</source>
            <translation>Banen bij volledige bedrijfsvoering</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Jobs at full operation: field</source>
            <translation>Banen bij volledige bedrijfsvoering: veld</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Year of full operation</source>
            <translation>Jaar van volledige bedrijfsvoering</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Year of full operation: field</source>
            <translation>Jaar van volledige bedrijfsvoering: veld</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Phasing</source>
            <translation>Fasering</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Linear from the current year to full operation</source>
            <translation>Lineair van het huidige jaar tot volledige bedrijfsvoering</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Steps (below); without steps all jobs arrive at full operation</source>
            <translation>Stappen (hieronder); zonder stappen komen alle banen bij volledige bedrijfsvoering</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Phasing steps 'year: jobs; year: jobs' (the last is full operation)</source>
            <translation>Faseringsstappen 'jaar: banen; jaar: banen' (de laatste is volledige bedrijfsvoering)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Phasing steps: field</source>
            <translation>Faseringsstappen: veld</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Share of labour migrants among the extra jobs (%)</source>
            <translation>Aandeel arbeidsmigranten onder de extra banen (%)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Share of labour migrants (%): field</source>
            <translation>Aandeel arbeidsmigranten (%): veld</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Sector field (share from the sector table)</source>
            <translation>Veld met sector (aandeel uit de sectortabel)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Sector table (sector, labour_migrant_share_pct, source; default: the shipped table)</source>
            <translation>Sectortabel (sector, labour_migrant_share_pct, source; standaard: de meegeleverde tabel)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Persons per job</source>
            <translation>Personen per baan</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Business's labour migrants in short stay (%)</source>
            <translation>Arbeidsmigranten van het bedrijf in kort verblijf (%)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Business's labour migrants in mid stay (%)</source>
            <translation>Arbeidsmigranten van het bedrijf in middellang verblijf (%)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Business's labour migrants in long stay (%)</source>
            <translation>Arbeidsmigranten van het bedrijf in lang verblijf (%)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Commuting radius (km)</source>
            <translation>Pendelstraal (km)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Distance bands 'from-to: weight' in km, e.g. '0-10: 1; 10-20: 0.5' (replaces the radius)</source>
            <translation>Afstandsbanden 'van-tot: gewicht' in km, bijvoorbeeld '0-10: 1; 10-20: 0.5' (vervangt de straal)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Allocation over the municipalities within reach</source>
            <translation>Verdeling over de gemeenten binnen bereik</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Distance decay</source>
            <translation>Afstandsverval</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Population (inhabitants)</source>
            <translation>Bevolking (inwoners)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Available planned supply (permitted and planned beds)</source>
            <translation>Beschikbaar gepland aanbod (vergunde en geplande bedden)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Distance decay function</source>
            <translation>Functie voor afstandsverval</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Exponential exp(−d / d0)</source>
            <translation>Exponentieel exp(−d / d0)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Inverse square 1 / d²</source>
            <translation>Omgekeerd kwadratisch 1 / d²</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Decay distance d0 (km)</source>
            <translation>Vervalafstand d0 (km)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Inverse square: minimum distance (km)</source>
            <translation>Omgekeerd kwadratisch: minimale afstand (km)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Reach outside the municipalities (across the border)</source>
            <translation>Bereik buiten de gemeenten (over de grens)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Place all demand in the municipalities within reach</source>
            <translation>Alle vraag plaatsen in de gemeenten binnen bereik</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>By area: that share of the demand is housed there (not placed)</source>
            <translation>Naar oppervlakte: dat deel van de vraag wordt daar gehuisvest (niet geplaatst)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Housing effect per business</source>
            <translation>Huisvestingseffect per bedrijf</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Extra beds per year</source>
            <translation>Extra bedden per jaar</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Beds per business and municipality</source>
            <translation>Bedden per bedrijf en gemeente</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Housing gap per municipality with the effect</source>
            <translation>Huisvestingsopgave per gemeente met het effect</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Housing gap per region with the effect</source>
            <translation>Huisvestingsopgave per regio met het effect</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Reach of the businesses</source>
            <translation>Bereik van de bedrijven</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Extra beds per year (CSV)</source>
            <translation>Extra bedden per jaar (CSV)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-bestanden (*.csv)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Your own data sources (printed on the reports after those named in the layers)</source>
            <translation>Uw eigen gegevensbronnen (op de rapporten afgedrukt na die van de lagen)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Folder for the PDF reports (one page per business)</source>
            <translation>Map voor de PDF-rapporten (één pagina per bedrijf)</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Extra beds at full operation</source>
            <translation>Extra bedden bij volledige bedrijfsvoering</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Beds placed in municipalities</source>
            <translation>In gemeenten geplaatste bedden</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Beds that could not be placed</source>
            <translation>Bedden die niet geplaatst konden worden</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Extra labour migrants at full operation</source>
            <translation>Extra arbeidsmigranten bij volledige bedrijfsvoering</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Messages</source>
            <translation>Meldingen</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>PDF reports</source>
            <translation>PDF-rapporten</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Scenario and year</source>
            <translation>Scenario en jaar</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>businesses</source>
            <translation>bedrijven</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>No accommodations layer given: the supply is 0 everywhere (and allocation by planned supply places nothing).</source>
            <translation>Geen laag met huisvestingslocaties opgegeven: het aanbod is overal 0 (en verdelen naar gepland aanbod plaatst niets).</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>No built-up area given: distances are measured to each municipality's centroid.</source>
            <translation>Geen bebouwd gebied opgegeven: afstanden worden gemeten tot het zwaartepunt van elke gemeente.</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Writing the PDF reports…</source>
            <translation>De PDF-rapporten schrijven…</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>{0}: {1:,.0f} extra labour migrants, {2} extra beds (short {3}, mid {4}, long {5}); placed {6}, not placed {7}</source>
            <translation>{0}: {1:,.0f} extra arbeidsmigranten, {2} extra bedden (kort {3}, middellang {4}, lang {5}); geplaatst {6}, niet geplaatst {7}</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>sector table</source>
            <translation>sectortabel</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Housing gap per municipality with the effect – {0}</source>
            <translation>Huisvestingsopgave per gemeente met het effect – {0}</translation>
        </message>
        <message>
            <location filename="../processing/business/business_effect.py" />
            <source>Housing gap per region with the effect – {0}</source>
            <translation>Huisvestingsopgave per regio met het effect – {0}</translation>
        </message>
    </context>
    <context>
        <name>BusinessEffectDialog</name>
        <message>
            <location filename="../gui/business_effect_action.py" />
            <source>Housing effect of a business…</source>
            <translation>Huisvestingseffect van een bedrijf…</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Housing effect of a business</source>
            <translation>Huisvestingseffect van een bedrijf</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Click the business's location on the map.</source>
            <translation>Klik op de kaart op de plek van het bedrijf.</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Pick on map</source>
            <translation>Op de kaart aanwijzen</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Location</source>
            <translation>Ligging</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>New business</source>
            <translation>Nieuw bedrijf</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Name</source>
            <translation>Naam</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Jobs now / current year</source>
            <translation>Banen nu / huidig jaar</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Jobs at full operation / year</source>
            <translation>Banen bij volledige bedrijfsvoering / jaar</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Share of labour migrants (assumption)</source>
            <translation>Aandeel arbeidsmigranten (aanname)</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Commuting radius</source>
            <translation>Pendelstraal</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Distance decay</source>
            <translation>Afstandsverval</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Population (inhabitants)</source>
            <translation>Bevolking (inwoners)</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Available planned supply</source>
            <translation>Beschikbaar gepland aanbod</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Allocation</source>
            <translation>Verdeling</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Current (the table's latest year)</source>
            <translation>Huidig (het laatste jaar in de tabel)</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>2030 low</source>
            <translation>2030 laag</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>2030 high</source>
            <translation>2030 hoog</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Housing gap scenario</source>
            <translation>Scenario van de huisvestingsopgave</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Municipalities</source>
            <translation>Gemeenten</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Labour migrants (table)</source>
            <translation>Arbeidsmigranten (tabel)</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Accommodations</source>
            <translation>Huisvestingslocaties</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Built-up area</source>
            <translation>Bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Report folder</source>
            <translation>Map voor de rapporten</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Run</source>
            <translation>Uitvoeren</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Cancel run</source>
            <translation>Uitvoering annuleren</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Open report</source>
            <translation>Rapport openen</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Open in Processing…</source>
            <translation>Openen in Processing…</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>x {0:,.0f}, y {1:,.0f} (EPSG:28992)</source>
            <translation>x {0:,.0f}, y {1:,.0f} (EPSG:28992)</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Business</source>
            <translation>Bedrijf</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Click the business's location on the map first.</source>
            <translation>Klik eerst op de kaart op de plek van het bedrijf.</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Choose the municipalities and the labour-migrant table.</source>
            <translation>Kies de gemeenten en de tabel met arbeidsmigranten.</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>The Flexwonen Limburg Processing provider is not loaded.</source>
            <translation>De Processing-provider van Flexwonen Limburg is niet geladen.</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>Running…</source>
            <translation>Bezig…</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>The run failed or was cancelled; the Processing log panel has the details.</source>
            <translation>De uitvoering is mislukt of geannuleerd; het logpaneel van Processing geeft de details.</translation>
        </message>
        <message>
            <location filename="../gui/business_effect_dialog.py" />
            <source>{0:,.0f} extra beds at full operation: {1:,.0f} placed in municipalities, {2:,.0f} not placed.</source>
            <translation>{0:,.0f} extra bedden bij volledige bedrijfsvoering: {1:,.0f} in gemeenten geplaatst, {2:,.0f} niet geplaatst.</translation>
        </message>
    </context>
    <context>
        <name>CheckHousingNormsAlgorithm</name>
        <message>
            <location filename="../processing/norms/check_housing_norms.py" />
            <source>Check housing norms</source>
            <translation>Huisvestingsnormen toetsen</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_housing_norms.py" />
            <source>Checks each plan (a candidate site or an accommodation) against a norm set (SNF, AKF 2024, AKF from 2026, or your own) with the Limburg provincial floor (at most one person per bedroom, at least 15 m² living area per person) always on top.

Input: points, polygons or a table with the plan's numbers. Map the fields: beds (planned_beds or beds), bedrooms, living area (m²), bedroom area (optional: a total in m², or the area of each bedroom as text such as '9;9;12'), toilets, showers and housing type (optional: lodging/logies or dwelling/woning, for SNF's 10 and 12 m²).
Norm set: the built-in sets and your own files from the folder &lt;QGIS profile&gt;/flexwonen_limburg/norms (or the folder named by the environment variable FLEXWONEN_NORMS_FOLDER); or pick one JSON file directly.

Per rule the output has a field norm_&lt;rule id&gt; with pass, fail or unknown. A value exactly at the threshold passes; missing or unusable data (text in a number field) makes a rule unknown, never a pass. norms_verdict is fail when any rule fails, else unknown when any rule is unknown, else pass. norms_max_beds is the largest number of beds that meets every rule with known data (norms_max_beds_complete: whether that was every rule) and norms_binding_rule the rule that limits it. Reasons are given in English (norms_reasons_en) and Dutch (norms_reasons_nl); unusable values are listed in norms_data_issues and in the log. The input is not changed.</source>
            <translation>Toetst elk plan (een kandidaatlocatie of een huisvestingslocatie) aan een normenset (SNF, AKF 2024, AKF vanaf 2026, of een eigen set), met de Limburgse provinciale ondergrens (maximaal één persoon per slaapkamer, minimaal 15 m² woonoppervlak per persoon) altijd aanvullend.

Invoer: punten, polygonen of een tabel met de cijfers van het plan. Koppel de velden: bedden (planned_beds of beds), slaapkamers, woonoppervlak (m²), slaapkameroppervlak (optioneel: een totaal in m², of de oppervlakte van elke slaapkamer als tekst zoals '9;9;12'), toiletten, douches en woonvorm (optioneel: lodging/logies of dwelling/woning, voor de 10 en 12 m² van SNF).
Normenset: de ingebouwde sets en eigen bestanden uit de map &lt;QGIS-profiel&gt;/flexwonen_limburg/norms (of de map uit de omgevingsvariabele FLEXWONEN_NORMS_FOLDER); of kies direct één JSON-bestand.

Per regel heeft de uitvoer een veld norm_&lt;regel-id&gt; met pass (voldoet), fail (voldoet niet) of unknown (onbekend). Een waarde precies op de grens voldoet; ontbrekende of onbruikbare gegevens (tekst in een getalveld) maken een regel onbekend, nooit voldoende. norms_verdict is fail als een regel niet voldoet, anders unknown als een regel onbekend is, anders pass. norms_max_beds is het grootste aantal bedden dat aan elke regel met bekende gegevens voldoet (norms_max_beds_complete: of dat alle regels waren) en norms_binding_rule de regel die dat aantal begrenst. Redenen staan in het Engels (norms_reasons_en) en het Nederlands (norms_reasons_nl); onbruikbare waarden staan in norms_data_issues en in het logboek. De invoer wordt niet gewijzigd.</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_housing_norms.py" />
            <source>Candidate sites or accommodations</source>
            <translation>Kandidaatlocaties of huisvestingslocaties</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_housing_norms.py" />
            <source>Norm check</source>
            <translation>Normtoets</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_housing_norms.py" />
            <source>plans</source>
            <translation>plannen</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_housing_norms.py" />
            <source>Verdicts: {0}</source>
            <translation>Oordelen: {0}</translation>
        </message>
    </context>
    <context>
        <name>CheckStayDurationsAlgorithm</name>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Check stay durations</source>
            <translation>Verblijfsduur toetsen</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Checks a table of stays (accommodation id, pseudonymous resident id, start and end date; optionally the end of the rental contract and of the employment) against the provincial short-stay rule and the transition period for temporary rental contracts.

Short stay: a consecutive stay lasts at most the given number of calendar months (default 4): a stay starting on S may end at the latest on S + 4 months, clamped to the month's end (31 October + 4 months = 28 or 29 February). Overlapping stays of one resident, and stays starting the day after the previous one ends, form one consecutive stay (also across accommodations). Within the period (default 12 months) from the start of each consecutive stay, the resident's stays together may not last longer than one consecutive stay may.
A stay without an end date is ongoing: it is measured up to the reference date (default today).
Reading of the short-stay rule: 'rolling window' (default) as above; 'status of at most one year' instead requires every stay of a resident to end within the period from the first day of the resident's first stay (several stays of up to 4 months with breaks are then allowed within that year). Every output records the reading.
Transition period (temporary rental contracts only): with a contract type field, regular contracts are not checked; with a transition clause field (yes / no), the clause decides; otherwise the contract must end at least the given number of calendar months (default 1) after the end of employment. transition_basis says which was used.

Output: one row per accommodation (counts, the longest consecutive stay, the shortest transition) and, on request, one row per stay with its status (ok, breaks, ongoing, unknown) and the reason. Only the mapped fields are read; no personal data other than the pseudonymous resident id is read or written.</source>
            <translation>Toetst een tabel met verblijven (id van de huisvestingslocatie, gepseudonimiseerd id van de bewoner, begin- en einddatum; optioneel het einde van het huurcontract en van het dienstverband) aan de provinciale regel voor kort verblijf en aan de overgangstermijn voor tijdelijke huurcontracten.

Kort verblijf: een aaneengesloten verblijf duurt hoogstens het opgegeven aantal kalendermaanden (standaard 4): een verblijf dat begint op S mag uiterlijk eindigen op S + 4 maanden, begrensd op het einde van de maand (31 oktober + 4 maanden = 28 of 29 februari). Overlappende verblijven van één bewoner, en verblijven die beginnen op de dag na het einde van het vorige, vormen samen één aaneengesloten verblijf (ook over huisvestingslocaties heen). Binnen de periode (standaard 12 maanden) vanaf het begin van elk aaneengesloten verblijf mogen de verblijven van een bewoner samen niet langer duren dan één aaneengesloten verblijf mag.
Een verblijf zonder einddatum loopt nog: het wordt gemeten tot de peildatum (standaard vandaag).
Lezing van de regel voor kort verblijf: 'voortschrijdende periode' (standaard) zoals hierboven; 'status van hoogstens één jaar' eist in plaats daarvan dat elk verblijf van een bewoner eindigt binnen de periode vanaf de eerste dag van zijn eerste verblijf (meerdere verblijven van hoogstens 4 maanden met onderbrekingen zijn binnen dat jaar dan toegestaan). Elke uitvoer vermeldt de lezing.
Overgangstermijn (alleen tijdelijke huurcontracten): met een veld voor de soort contract worden reguliere contracten niet getoetst; met een veld voor de overgangsclausule (ja / nee) beslist de clausule; anders moet het contract minstens het opgegeven aantal kalendermaanden (standaard 1) na het einde van het dienstverband eindigen. transition_basis zegt wat gebruikt is.

Uitvoer: één rij per huisvestingslocatie (aantallen, het langste aaneengesloten verblijf, de kortste overgangstermijn) en, op verzoek, één rij per verblijf met zijn status (ok, overtreding, lopend, onbekend) en de reden. Alleen de gekoppelde velden worden gelezen; behalve het gepseudonimiseerde id van de bewoner worden geen persoonsgegevens gelezen of geschreven.</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Stays</source>
            <translation>Verblijven</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Accommodation id field</source>
            <translation>Veld met id van de huisvestingslocatie</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Resident id field (pseudonymous)</source>
            <translation>Veld met id van de bewoner (gepseudonimiseerd)</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Start date field</source>
            <translation>Veld met begindatum</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>End date field (empty: ongoing)</source>
            <translation>Veld met einddatum (leeg: loopt nog)</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Contract end field</source>
            <translation>Veld met einde huurcontract</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Employment end field</source>
            <translation>Veld met einde dienstverband</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Contract type field (temporary / regular; empty: all temporary)</source>
            <translation>Veld soort huurcontract (tijdelijk / regulier; leeg: alle tijdelijk)</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Transition clause in the contract field (yes / no)</source>
            <translation>Veld overgangsclausule in het contract (ja / nee)</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Longest consecutive stay (calendar months)</source>
            <translation>Langste aaneengesloten verblijf (kalendermaanden)</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Within a period of (calendar months)</source>
            <translation>Binnen een periode van (kalendermaanden)</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Transition period after employment (calendar months)</source>
            <translation>Overgangstermijn na het dienstverband (kalendermaanden)</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Reading of the short-stay rule</source>
            <translation>Lezing van de regel voor kort verblijf</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Rolling window: at most 4 months within any period from the start of a stay</source>
            <translation>Voortschrijdende periode: hoogstens 4 maanden binnen elke periode vanaf het begin van een verblijf</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Short-stay status of at most one year from the first stay</source>
            <translation>Status kort verblijf van hoogstens één jaar vanaf het eerste verblijf</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Reference date for ongoing stays (empty: today)</source>
            <translation>Peildatum voor lopende verblijven (leeg: vandaag)</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Stays per accommodation</source>
            <translation>Verblijven per huisvestingslocatie</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Checked stays</source>
            <translation>Getoetste verblijven</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>stays</source>
            <translation>verblijven</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>The transition period needs both the contract end and the employment end; it is not checked.</source>
            <translation>Voor de overgangstermijn zijn zowel het einde van het huurcontract als het einde van het dienstverband nodig; deze wordt niet getoetst.</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>No contract type field: every contract is taken to be a temporary rental contract for the transition period.</source>
            <translation>Geen veld voor de soort huurcontract: voor de overgangstermijn geldt elk contract als tijdelijk huurcontract.</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>Checking {0} stays (reference date {1}; short-stay reading: {2})…</source>
            <translation>{0} verblijven toetsen (peildatum {1}; lezing kort verblijf: {2})…</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>{0} stays at {1} accommodations: {2} break the short-stay rule, {3} are ongoing, {4} could not be checked; {5} contracts have a transition period shorter than {6} month(s), {7} lack the transition clause, {8} regular contracts are not checked.</source>
            <translation>{0} verblijven op {1} huisvestingslocaties: {2} overtreden de regel voor kort verblijf, {3} lopen nog, {4} konden niet getoetst worden; {5} contracten hebben een overgangstermijn korter dan {6} maand(en), {7} missen de overgangsclausule, {8} reguliere contracten worden niet getoetst.</translation>
        </message>
        <message>
            <location filename="../processing/norms/check_stay_durations.py" />
            <source>layer '{0}', feature {1}: {2}</source>
            <translation>laag '{0}', object {1}: {2}</translation>
        </message>
    </context>
    <context>
        <name>ClassificationParameters</name>
        <message>
            <location filename="../processing/parameters/classification.py" />
            <source>Built-up area</source>
            <translation>Bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../processing/parameters/classification.py" />
            <source>Kern name field</source>
            <translation>Veld met naam van de kern</translation>
        </message>
        <message>
            <location filename="../processing/parameters/classification.py" />
            <source>Edge distance (m)</source>
            <translation>Randafstand (m)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/classification.py" />
            <source>Minimum share inside for 'inside' (0–1)</source>
            <translation>Minimaal aandeel binnen voor 'binnen' (0–1)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/classification.py" />
            <source>Municipalities</source>
            <translation>Gemeenten</translation>
        </message>
        <message>
            <location filename="../processing/parameters/classification.py" />
            <source>Municipality code field</source>
            <translation>Veld met gemeentecode</translation>
        </message>
        <message>
            <location filename="../processing/parameters/classification.py" />
            <source>Municipality name field</source>
            <translation>Veld met gemeentenaam</translation>
        </message>
        <message>
            <location filename="../processing/parameters/classification.py" />
            <source>Region field</source>
            <translation>Veld met regio</translation>
        </message>
    </context>
    <context>
        <name>ClassifySitesAlgorithm</name>
        <message>
            <location filename="../processing/location/classify_sites.py" />
            <source>Classify candidate sites by built-up area</source>
            <translation>Kandidaatlocaties classificeren naar bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites.py" />
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
            <location filename="../processing/location/classify_sites.py" />
            <source>Classified sites</source>
            <translation>Geclassificeerde locaties</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites.py" />
            <source>Reading layers…</source>
            <translation>Lagen lezen…</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites.py" />
            <source>Classifying {0} sites…</source>
            <translation>{0} locaties classificeren…</translation>
        </message>
    </context>
    <context>
        <name>ClassifySitesStreamedAlgorithm</name>
        <message>
            <location filename="../processing/location/classify_sites_streamed.py" />
            <source>Classify a large GeoPackage of sites (streamed)</source>
            <translation>Grote GeoPackage met locaties classificeren (in delen)</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites_streamed.py" />
            <source>The same classification as 'Classify candidate sites by built-up area', for layers too large to hold in memory (all parcels of a province or of the country).

The sites are read from their GeoPackage in spatially sorted batches and the results are written to a new GeoPackage batch by batch, so memory stays bounded: about the built-up area, one batch of sites and 12 bytes per site for the sort order.

Candidate sites: a point or polygon layer stored in a GeoPackage, used whole (a layer filter is not applied; use the other algorithm for a selection or a filter).
Batch size: sites per batch; larger batches are a little faster and use more memory.
Create a spatial index: index the output for fast display (takes a while for millions of sites).

Output: a GeoPackage with the input's attributes, 'source_fid' (the input feature id) and the result fields of the in-memory algorithm, in spatial order. Invalid geometries are repaired and noted in 'remarks'; with the Processing setting 'Invalid features filtering' on skip or stop, they are skipped or stop the run.</source>
            <translation>Dezelfde classificatie als 'Kandidaatlocaties classificeren naar bestaand bebouwd gebied', voor lagen die te groot zijn om in het geheugen te houden (alle percelen van een provincie of van het land).

De locaties worden in ruimtelijk gesorteerde delen uit hun GeoPackage gelezen en de resultaten worden deel voor deel naar een nieuwe GeoPackage geschreven, zodat het geheugengebruik begrensd blijft: ongeveer het bebouwd gebied, één deel locaties en 12 bytes per locatie voor de sorteervolgorde.

Kandidaatlocaties: een punt- of vlaklaag in een GeoPackage, in zijn geheel gebruikt (een laagfilter wordt niet toegepast; gebruik het andere algoritme voor een selectie of een filter).
Aantal locaties per deel: grotere delen zijn iets sneller en gebruiken meer geheugen.
Ruimtelijke index maken: indexeert het resultaat voor snelle weergave (duurt even bij miljoenen locaties).

Resultaat: een GeoPackage met de attributen van de invoer, 'source_fid' (het object-id van de invoer) en de resultaatvelden van het algoritme in het geheugen, in ruimtelijke volgorde. Ongeldige geometrieën worden hersteld en vermeld in 'remarks'; staat de Processing-instelling 'Invalid features filtering' op overslaan of stoppen, dan worden ze overgeslagen of stopt de berekening.</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites_streamed.py" />
            <source>Candidate sites (GeoPackage layer)</source>
            <translation>Kandidaatlocaties (GeoPackage-laag)</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites_streamed.py" />
            <source>Site id field</source>
            <translation>Veld met locatie-id</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites_streamed.py" />
            <source>Batch size (sites)</source>
            <translation>Aantal locaties per deel</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites_streamed.py" />
            <source>Create a spatial index on the output</source>
            <translation>Ruimtelijke index op het resultaat maken</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites_streamed.py" />
            <source>Classified sites (GeoPackage)</source>
            <translation>Geclassificeerde locaties (GeoPackage)</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites_streamed.py" />
            <source>Candidate sites</source>
            <translation>Kandidaatlocaties</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites_streamed.py" />
            <source>Classified sites</source>
            <translation>Geclassificeerde locaties</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites_streamed.py" />
            <source>Classifying {0} sites in batches…</source>
            <translation>{0} locaties in delen classificeren…</translation>
        </message>
        <message>
            <location filename="../processing/location/classify_sites_streamed.py" />
            <source>Creating the spatial index…</source>
            <translation>Ruimtelijke index maken…</translation>
        </message>
    </context>
    <context>
        <name>DensityRasterAlgorithm</name>
        <message>
            <location filename="../processing/municipal/density_raster.py" />
            <source>Labour-migrant density raster</source>
            <translation>Dichtheidsraster arbeidsmigranten</translation>
        </message>
        <message>
            <location filename="../processing/municipal/density_raster.py" />
            <source>A GeoTIFF (EPSG:28992) of labour migrants per hectare. Each municipality's labour migrants are spread evenly over its built-up area (dasymetric mapping): every cell gets them in proportion to the area of built-up land it holds, so the raster's sum x cell area in hectares equals the number of labour migrants. A municipality without built-up area (or when no built-up layer is given) gets them spread over its whole area; the log says which.

Municipalities, labour-migrant table and scenario: as in 'Housing gap per municipality and region' (a scenario total is divided the same way).
Built-up area: the polygons people live in ('kernen').
Cell size (m): default 100 m (1 ha per cell).

Cells outside every municipality are nodata. The file records the scenario, year, method and number of labour migrants in its metadata.</source>
            <translation>Een GeoTIFF (EPSG:28992) met arbeidsmigranten per hectare. De arbeidsmigranten van elke gemeente worden gelijkmatig over het bebouwd gebied van die gemeente verdeeld (dasymetrische kartering): elke cel krijgt ze naar verhouding van de oppervlakte bebouwd gebied in die cel, zodat de som van het raster x de celoppervlakte in hectare gelijk is aan het aantal arbeidsmigranten. Een gemeente zonder bebouwd gebied (of als er geen laag met bebouwd gebied is opgegeven) krijgt ze over de hele gemeente verdeeld; het logboek meldt welke.

Gemeenten, tabel met arbeidsmigranten en scenario: zoals bij 'Huisvestingsopgave per gemeente en regio' (een scenariototaal wordt op dezelfde manier verdeeld).
Bestaand bebouwd gebied: de polygonen waar mensen wonen ('kernen').
Celgrootte (m): standaard 100 m (1 ha per cel).

Cellen buiten elke gemeente krijgen nodata. Het bestand legt in zijn metadata het scenario, het jaar, de methode en het aantal arbeidsmigranten vast.</translation>
        </message>
        <message>
            <location filename="../processing/municipal/density_raster.py" />
            <source>Cell size (m)</source>
            <translation>Celgrootte (m)</translation>
        </message>
        <message>
            <location filename="../processing/municipal/density_raster.py" />
            <source>Labour migrants per hectare</source>
            <translation>Arbeidsmigranten per hectare</translation>
        </message>
        <message>
            <location filename="../processing/municipal/density_raster.py" />
            <source>Labour migrants put into the raster</source>
            <translation>Arbeidsmigranten in het raster</translation>
        </message>
        <message>
            <location filename="../processing/municipal/density_raster.py" />
            <source>Raster sum x cell area (persons)</source>
            <translation>Rastersom x celoppervlakte (personen)</translation>
        </message>
        <message>
            <location filename="../processing/municipal/density_raster.py" />
            <source>No built-up area given: every municipality's labour migrants are spread over its whole area.</source>
            <translation>Geen bebouwd gebied opgegeven: de arbeidsmigranten van elke gemeente worden over de hele gemeente verdeeld.</translation>
        </message>
        <message>
            <location filename="../processing/municipal/density_raster.py" />
            <source>{0} has no built-up area: its labour migrants are spread over the whole municipality.</source>
            <translation>{0} heeft geen bebouwd gebied: de arbeidsmigranten worden over de hele gemeente verdeeld.</translation>
        </message>
        <message>
            <location filename="../processing/municipal/density_raster.py" />
            <source>Not in the raster: {0}.</source>
            <translation>Niet in het raster: {0}.</translation>
        </message>
        <message>
            <location filename="../processing/municipal/density_raster.py" />
            <source>{0}: {1:,.0f} labour migrants; raster sum x cell area = {2:,.2f}; {3} x {4} cells of {5:g} m</source>
            <translation>{0}: {1:,.0f} arbeidsmigranten; rastersom x celoppervlakte = {2:,.2f}; {3} x {4} cellen van {5:g} m</translation>
        </message>
        <message>
            <location filename="../processing/municipal/density_raster.py" />
            <source>Labour migrants per hectare – {0}</source>
            <translation>Arbeidsmigranten per hectare – {0}</translation>
        </message>
    </context>
    <context>
        <name>Dependencies</name>
        <message>
            <location filename="../core/dependencies.py" />
            <source>{0} {1} or newer</source>
            <translation>{0} {1} of nieuwer</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>not installed</source>
            <translation>niet geïnstalleerd</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>found {0}</source>
            <translation>gevonden: {0}</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>cannot be loaded: {0}</source>
            <translation>kan niet worden geladen: {0}</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>Flexwonen Limburg's tools stay off: QGIS's Python needs {0}.</source>
            <translation>De functies van Flexwonen Limburg blijven uit: de Python van QGIS heeft {0} nodig.</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>Flexwonen Limburg works without {0}, but the streamed classification of large GeoPackages needs it.</source>
            <translation>Flexwonen Limburg werkt zonder {0}, maar het classificeren van grote GeoPackages in delen heeft het nodig.</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>Windows: in the OSGeo4W Setup (the network installer, Advanced Install) select {0}, then restart QGIS.</source>
            <translation>Windows: kies in de OSGeo4W Setup (het netwerkinstallatieprogramma, Advanced Install) {0} en start QGIS daarna opnieuw.</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>The QGIS installers for Windows include geopandas, shapely, pandas and pyogrio from QGIS 3.40 on.</source>
            <translation>Vanaf QGIS 3.40 bevatten de installatieprogramma's van QGIS voor Windows geopandas, shapely, pandas en pyogrio.</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>Debian/Ubuntu: sudo apt install {0}, then restart QGIS (other distributions: their own packages).</source>
            <translation>Debian/Ubuntu: sudo apt install {0} en start QGIS daarna opnieuw (andere distributies: hun eigen pakketten).</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>The geopandas and shapely of Debian 12 and Ubuntu 22.04 are too old; Debian 13 and Ubuntu 24.04 or newer have them.</source>
            <translation>De geopandas en shapely van Debian 12 en Ubuntu 22.04 zijn te oud; Debian 13 en Ubuntu 24.04 of nieuwer hebben ze wel.</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>macOS: use a QGIS build whose Python has {0}, e.g. conda-forge's: conda create -n qgis -c conda-forge qgis geopandas rasterio, then start QGIS from that environment.</source>
            <translation>macOS: gebruik een QGIS-versie waarvan de Python {0} heeft, bijvoorbeeld die van conda-forge: conda create -n qgis -c conda-forge qgis geopandas rasterio, en start QGIS vanuit die omgeving.</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>Install {0} from the packages of your QGIS distribution, built against QGIS's own GDAL, GEOS and PROJ, then restart QGIS.</source>
            <translation>Installeer {0} uit de pakketten van de QGIS-distributie, gebouwd op de eigen GDAL, GEOS en PROJ van QGIS, en start QGIS daarna opnieuw.</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>Do not install PyPI wheels of shapely, pyproj, pyogrio or rasterio into QGIS's Python: they bring their own GEOS, PROJ and GDAL and crash QGIS.</source>
            <translation>Installeer geen PyPI-wheels van shapely, pyproj, pyogrio of rasterio in de Python van QGIS: die brengen een eigen GEOS, PROJ en GDAL mee en laten QGIS crashen.</translation>
        </message>
    </context>
    <context>
        <name>ExportAction</name>
        <message>
            <location filename="../layouts/export_action.py" />
            <source>Municipalities</source>
            <translation>Gemeenten</translation>
        </message>
        <message>
            <location filename="../layouts/export_action.py" />
            <source>Accommodations</source>
            <translation>Huisvestingslocaties</translation>
        </message>
        <message>
            <location filename="../layouts/export_action.py" />
            <source>Regions</source>
            <translation>Regio's</translation>
        </message>
        <message>
            <location filename="../layouts/export_action.py" />
            <source>Built-up area</source>
            <translation>Bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../layouts/export_action.py" />
            <source>Candidate sites</source>
            <translation>Kandidaatlocaties</translation>
        </message>
        <message>
            <location filename="../layouts/export_action.py" />
            <source>Which layers should the export use?</source>
            <translation>Welke lagen moet de export gebruiken?</translation>
        </message>
        <message>
            <location filename="../layouts/export_action.py" />
            <source>More than one layer in the project fits these inputs.</source>
            <translation>Meer dan één laag in het project past bij deze invoer.</translation>
        </message>
        <message>
            <location filename="../layouts/export_action.py" />
            <source>Province overview map (PDF/PNG)…</source>
            <translation>Provinciekaart (PDF/PNG)…</translation>
        </message>
        <message>
            <location filename="../layouts/export_action.py" />
            <source>Atlas per region and municipality (PDF/PNG)…</source>
            <translation>Atlas per regio en gemeente (PDF/PNG)…</translation>
        </message>
        <message>
            <location filename="../layouts/export_action.py" />
            <source>Site assessment reports (PDF/PNG)…</source>
            <translation>Locatierapporten (PDF/PNG)…</translation>
        </message>
    </context>
    <context>
        <name>ExportAlgorithm</name>
        <message>
            <location filename="../processing/export/base.py" />
            <source>Municipalities (housing gap output or boundaries)</source>
            <translation>Gemeenten (uitvoer huisvestingsopgave of grenzen)</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>Municipality name field</source>
            <translation>Veld met gemeentenaam</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>Region field</source>
            <translation>Veld met regio</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>Regions (housing gap region output)</source>
            <translation>Regio's (regio-uitvoer huisvestingsopgave)</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>Accommodations</source>
            <translation>Huisvestingslocaties</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>Scenario (empty: from the housing gap layer)</source>
            <translation>Scenario (leeg: uit de laag met de huisvestingsopgave)</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>Your own data sources (printed after those named in the layers)</source>
            <translation>Uw eigen gegevensbronnen (afgedrukt na die van de lagen)</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>PNG resolution (dpi)</source>
            <translation>PNG-resolutie (dpi)</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF-bestanden (*.pdf)</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>PNG files (*.png)</source>
            <translation>PNG-bestanden (*.png)</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>Number of pages</source>
            <translation>Aantal pagina's</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>Municipalities</source>
            <translation>Gemeenten</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>Regions</source>
            <translation>Regio's</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>PDF written: {0}</source>
            <translation>PDF geschreven: {0}</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>PNG written: {0}</source>
            <translation>PNG geschreven: {0}</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>PDF written: {0} ({1} pages)</source>
            <translation>PDF geschreven: {0} ({1} pagina's)</translation>
        </message>
        <message>
            <location filename="../processing/export/base.py" />
            <source>{0} PNG files written to {1}</source>
            <translation>{0} PNG-bestanden geschreven naar {1}</translation>
        </message>
    </context>
    <context>
        <name>ExportAtlasAlgorithm</name>
        <message>
            <location filename="../processing/export/export_atlas.py" />
            <source>Export region and municipality atlas (PDF/PNG)</source>
            <translation>Atlas per regio en gemeente exporteren (PDF/PNG)</translation>
        </message>
        <message>
            <location filename="../processing/export/export_atlas.py" />
            <source>Makes an atlas with one A4 landscape page per region and one per municipality (each region followed by its municipalities) and writes it as one PDF and, on request, one PNG per page into a folder.

Each page shows the area on a map that follows it (the rest of the province veiled), a locator map, a legend, a scale bar and a north arrow, the key figures of the area next to those of Limburg, and the municipalities of its region. With the housing gap's outputs the map is the gap choropleth and the figures include labour migrants, concentration, demand, supply and gap per stay category; with plain municipal boundaries the figures are inhabitants and area.

Municipalities: the housing gap's municipality output, or municipal boundaries.
Name field / Region field: the municipality's name and its region.
Regions (optional): the housing gap's region output (figures per region and for Limburg); without it regions are dissolved from the municipalities.
Accommodations, Built-up area (optional): drawn on the maps.
Pages: regions and municipalities, regions only, or municipalities only.
Scenario and Your data sources: printed on every page.

Files are written completely or not at all.</source>
            <translation>Maakt een atlas met één A4-pagina (liggend) per regio en één per gemeente (elke regio gevolgd door haar gemeenten) en schrijft die als één PDF en, op verzoek, één PNG per pagina in een map.

Elke pagina toont het gebied op een kaart die het volgt (de rest van de provincie gesluierd), een overzichtskaartje, een legenda, een schaalstok en een noordpijl, de kerncijfers van het gebied naast die van Limburg, en de gemeenten van de regio. Met de uitvoer van de huisvestingsopgave is de kaart de choropleet van het tekort en omvatten de cijfers arbeidsmigranten, concentratie, vraag, aanbod en tekort per verblijfscategorie; met alleen gemeentegrenzen zijn de cijfers inwoners en oppervlakte.

Gemeenten: de gemeente-uitvoer van de huisvestingsopgave, of gemeentegrenzen.
Naamveld / Regioveld: de naam van de gemeente en haar regio.
Regio's (optioneel): de regio-uitvoer van de huisvestingsopgave (cijfers per regio en voor Limburg); zonder deze worden de regio's uit de gemeenten samengevoegd.
Huisvestingslocaties, Bestaand bebouwd gebied (optioneel): op de kaarten getekend.
Pagina's: regio's en gemeenten, alleen regio's, of alleen gemeenten.
Scenario en Uw gegevensbronnen: op elke pagina afgedrukt.

Bestanden worden volledig of helemaal niet geschreven.</translation>
        </message>
        <message>
            <location filename="../processing/export/export_atlas.py" />
            <source>Built-up area</source>
            <translation>Bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../processing/export/export_atlas.py" />
            <source>Pages</source>
            <translation>Pagina's</translation>
        </message>
        <message>
            <location filename="../processing/export/export_atlas.py" />
            <source>Regions and municipalities</source>
            <translation>Regio's en gemeenten</translation>
        </message>
        <message>
            <location filename="../processing/export/export_atlas.py" />
            <source>Regions only</source>
            <translation>Alleen regio's</translation>
        </message>
        <message>
            <location filename="../processing/export/export_atlas.py" />
            <source>Municipalities only</source>
            <translation>Alleen gemeenten</translation>
        </message>
        <message>
            <location filename="../processing/export/export_atlas.py" />
            <source>Atlas (PDF)</source>
            <translation>Atlas (PDF)</translation>
        </message>
        <message>
            <location filename="../processing/export/export_atlas.py" />
            <source>Folder for one PNG per page</source>
            <translation>Map voor één PNG per pagina</translation>
        </message>
        <message>
            <location filename="../processing/export/export_atlas.py" />
            <source>Atlas with {0} pages</source>
            <translation>Atlas met {0} pagina's</translation>
        </message>
    </context>
    <context>
        <name>ExportProvinceOverviewAlgorithm</name>
        <message>
            <location filename="../processing/export/export_province_overview.py" />
            <source>Export province overview map (PDF/PNG)</source>
            <translation>Provinciekaart exporteren (PDF/PNG)</translation>
        </message>
        <message>
            <location filename="../processing/export/export_province_overview.py" />
            <source>Makes the Stuurgroep map 'Huisvestingsopgave arbeidsmigranten Limburg' on A4 or A3 landscape and writes it as PDF (and PNG on request).

The page shows the municipalities (as the housing gap choropleth when the layer holds the housing gap fields), the accommodations sized by beds, the region outlines and names, a legend listing exactly these layers, a scale bar, a north arrow, the scenario and the export date, the sources and the model version, and a table of region totals when the housing gap's region layer is given. Texts on the page are in Dutch.

Municipalities: the housing gap's municipality output, or municipal boundaries.
Region field: the field holding the region name.
Regions (optional): the housing gap's region output (for the totals table); without it the region outlines are dissolved from the municipalities.
Accommodations (optional): points of existing, permitted and planned accommodation.
Scenario: printed in the subtitle; empty takes it from the housing gap layer.
Sources: each layer's metadata (its abstract or rights; a GeoPackage layer's description) says where it comes from: 'Kadaster / CBS (CC BY 4.0)' is printed for CBS data, 'synthetische demodata' for synthetic data, otherwise the layer's name. Your own data sources are printed after them.
Paper: A4 or A3 landscape. PNG resolution: dots per inch of the PNG.

Files are written completely or not at all.</source>
            <translation>Maakt de Stuurgroepkaart 'Huisvestingsopgave arbeidsmigranten Limburg' op A4 of A3 liggend en schrijft die als PDF (en op verzoek als PNG).

De pagina toont de gemeenten (als choropleet van het tekort wanneer de laag de velden van de huisvestingsopgave heeft), de huisvestingslocaties naar aantal bedden, de regiogrenzen en -namen, een legenda met precies deze lagen, een schaalstok, een noordpijl, het scenario en de exportdatum, de bronnen en de modelversie, en een tabel met de regiototalen wanneer de regiolaag van de huisvestingsopgave is opgegeven. De teksten op de pagina zijn Nederlands.

Gemeenten: de gemeente-uitvoer van de huisvestingsopgave, of gemeentegrenzen.
Regioveld: het veld met de naam van de regio.
Regio's (optioneel): de regio-uitvoer van de huisvestingsopgave (voor de tabel met totalen); zonder deze worden de regiogrenzen uit de gemeenten samengevoegd.
Huisvestingslocaties (optioneel): punten van bestaande, vergunde en geplande huisvesting.
Scenario: afgedrukt in de ondertitel; leeg neemt het uit de laag met de huisvestingsopgave.
Bronnen: de metadata van elke laag (de samenvatting of rechten; bij een GeoPackage de beschrijving van de laag) zeggen waar die vandaan komt: 'Kadaster / CBS (CC BY 4.0)' voor gegevens van het CBS, 'synthetische demodata' voor synthetische gegevens, anders de naam van de laag. Uw eigen gegevensbronnen volgen daarna.
Papier: A4 of A3 liggend. PNG-resolutie: punten per inch van de PNG.

Bestanden worden volledig of helemaal niet geschreven.</translation>
        </message>
        <message>
            <location filename="../processing/export/export_province_overview.py" />
            <source>Paper</source>
            <translation>Papier</translation>
        </message>
        <message>
            <location filename="../processing/export/export_province_overview.py" />
            <source>A4 landscape</source>
            <translation>A4 liggend</translation>
        </message>
        <message>
            <location filename="../processing/export/export_province_overview.py" />
            <source>A3 landscape</source>
            <translation>A3 liggend</translation>
        </message>
        <message>
            <location filename="../processing/export/export_province_overview.py" />
            <source>Province overview (PDF)</source>
            <translation>Provinciekaart (PDF)</translation>
        </message>
        <message>
            <location filename="../processing/export/export_province_overview.py" />
            <source>Province overview (PNG)</source>
            <translation>Provinciekaart (PNG)</translation>
        </message>
        <message>
            <location filename="../processing/export/export_province_overview.py" />
            <source>Filling the {0} page…</source>
            <translation>De pagina {0} vullen…</translation>
        </message>
    </context>
    <context>
        <name>ExportSiteReportsAlgorithm</name>
        <message>
            <location filename="../processing/export/export_site_reports.py" />
            <source>Export site assessment reports (PDF/PNG)</source>
            <translation>Locatierapporten exporteren (PDF/PNG)</translation>
        </message>
        <message>
            <location filename="../processing/export/export_site_reports.py" />
            <source>Makes the site assessment report ('Locatietoets'): one A4 page per candidate site, for the application file. Written as one PDF and, on request, one PNG per site.

Each page shows the site on a map with the existing built-up area, the edge zone (the built-up area grown by the edge distance, dashed) and the shortest distance to the built-up area; the location class in its colour; the location facts (share inside, distance, nearest kern, municipality and region, area); the plan as given; and the rules version and parameters used. The class is computed by the same rule as 'Classify candidate sites by built-up area', with the same parameters.

Candidate sites: points or polygons in any CRS. Site id / name field: printed in the page title. Built-up area and Kern name field: as for the classification. Municipalities (optional): adds municipality, region and municipal boundaries.
Edge distance (m), Minimum share inside: the classification parameters.
Plan fields: the fields holding the plan (beds, bedrooms, living area, toilets, showers, stay category, building type); leave empty when the layer has none.
Your data sources: printed at the foot of every page.

Sites without a usable geometry get no page (the log names them). Files are written completely or not at all.</source>
            <translation>Maakt het locatierapport ('Locatietoets'): één A4-pagina per kandidaatlocatie, voor het aanvraagdossier. Geschreven als één PDF en, op verzoek, één PNG per locatie.

Elke pagina toont de locatie op een kaart met het bestaand bebouwd gebied, de randzone (het bebouwd gebied vergroot met de randafstand, gestippeld) en de kortste afstand tot het bebouwd gebied; de locatieklasse in haar kleur; de feiten van de ligging (aandeel binnen, afstand, dichtstbijzijnde kern, gemeente en regio, oppervlakte); het plan zoals opgegeven; en de gebruikte regelversie en parameters. De klasse wordt bepaald met dezelfde regel als 'Kandidaatlocaties classificeren naar bestaand bebouwd gebied', met dezelfde parameters.

Kandidaatlocaties: punten of polygonen in elk coördinatenstelsel. Veld met locatie-id / -naam: afgedrukt in de paginatitel. Bestaand bebouwd gebied en Veld met naam van de kern: zoals bij de classificatie. Gemeenten (optioneel): voegt gemeente, regio en gemeentegrenzen toe.
Randafstand (m), Minimaal aandeel binnen: de parameters van de classificatie.
Planvelden: de velden met het plan (bedden, slaapkamers, woonoppervlak, toiletten, douches, verblijfscategorie, bouwvorm); laat ze leeg als de laag ze niet heeft.
Uw gegevensbronnen: afgedrukt onderaan elke pagina.

Locaties zonder bruikbare geometrie krijgen geen pagina (het logboek noemt ze). Bestanden worden volledig of helemaal niet geschreven.</translation>
        </message>
        <message>
            <location filename="../processing/export/export_site_reports.py" />
            <source>Site name field</source>
            <translation>Veld met locatienaam</translation>
        </message>
        <message>
            <location filename="../processing/export/export_site_reports.py" />
            <source>Stay category field</source>
            <translation>Veld met verblijfscategorie</translation>
        </message>
        <message>
            <location filename="../processing/export/export_site_reports.py" />
            <source>Building type field</source>
            <translation>Veld met bouwvorm</translation>
        </message>
        <message>
            <location filename="../processing/export/export_site_reports.py" />
            <source>Site reports (PDF)</source>
            <translation>Locatierapporten (PDF)</translation>
        </message>
        <message>
            <location filename="../processing/export/export_site_reports.py" />
            <source>Folder for one PNG per site</source>
            <translation>Map voor één PNG per locatie</translation>
        </message>
        <message>
            <location filename="../processing/export/export_site_reports.py" />
            <source>Site {0} has no usable geometry: no page.</source>
            <translation>Locatie {0} heeft geen bruikbare geometrie: geen pagina.</translation>
        </message>
        <message>
            <location filename="../processing/export/export_site_reports.py" />
            <source>{0} site pages</source>
            <translation>{0} locatiepagina's</translation>
        </message>
        <message>
            <location filename="../processing/export/export_site_reports.py" />
            <source>The sites have no beds field: the norm check is left out.</source>
            <translation>De locaties hebben geen veld met bedden: de normtoets vervalt.</translation>
        </message>
    </context>
    <context>
        <name>FieldMapping</name>
        <message>
            <location filename="../bridge/messages.py" />
            <source>Required fields not found.</source>
            <translation>Verplichte velden niet gevonden.</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>Layer '{0}': {1}.</source>
            <translation>Laag '{0}': {1}.</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>{0} (the chosen field '{1}' does not exist)</source>
            <translation>{0} (het gekozen veld '{1}' bestaat niet)</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>{0} (none of {1})</source>
            <translation>{0} (geen van {1})</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>— choose it in '{0}'</source>
            <translation>— kies het bij '{0}'</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>the output shows the municipality code instead</source>
            <translation>de uitvoer toont in plaats daarvan de gemeentecode</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>municipality code</source>
            <translation>gemeentecode</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>municipality name</source>
            <translation>gemeentenaam</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>region</source>
            <translation>regio</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>no region rows are made</source>
            <translation>er worden geen regiorijen gemaakt</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>inhabitants</source>
            <translation>inwoners</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>kern name</source>
            <translation>kernnaam</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>the nearest kern is given by its feature id</source>
            <translation>de dichtstbijzijnde kern wordt aangeduid met zijn object-id</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>year</source>
            <translation>jaar</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>the figures are taken as one year</source>
            <translation>de cijfers gelden als één jaar</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>number of labour migrants</source>
            <translation>aantal arbeidsmigranten</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>accommodation name</source>
            <translation>naam huisvesting</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>status</source>
            <translation>status</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>stay category</source>
            <translation>verblijfscategorie</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>beds</source>
            <translation>bedden</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>site id</source>
            <translation>locatie-id</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>site name</source>
            <translation>locatienaam</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>planned beds</source>
            <translation>geplande bedden</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>building type</source>
            <translation>gebouwtype</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>bedrooms</source>
            <translation>slaapkamers</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>living area</source>
            <translation>woonoppervlak</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>bedroom area</source>
            <translation>slaapkameroppervlak</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>toilets</source>
            <translation>toiletten</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>showers</source>
            <translation>douches</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>housing type</source>
            <translation>huisvestingsvorm</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>accommodation id</source>
            <translation>huisvestings-id</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>resident id</source>
            <translation>bewoner-id</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>start date</source>
            <translation>begindatum</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>end date</source>
            <translation>einddatum</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>contract end</source>
            <translation>einde huurcontract</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>employment end</source>
            <translation>einde dienstverband</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>contract type</source>
            <translation>contractsoort</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>every contract is taken to be temporary</source>
            <translation>elk contract wordt als tijdelijk gezien</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>transition clause</source>
            <translation>overgangsclausule</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>the dates decide the transition period</source>
            <translation>de datums bepalen de overgangstermijn</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>demand in beds</source>
            <translation>vraag in bedden</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>demand in dwellings</source>
            <translation>vraag in woningen</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>short-stay beds</source>
            <translation>bedden kort verblijf</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>mid-stay beds</source>
            <translation>bedden middellang verblijf</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>long-stay beds</source>
            <translation>bedden lang verblijf</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>the beds count in every year</source>
            <translation>de bedden tellen in elk jaar mee</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>first year</source>
            <translation>eerste jaar</translation>
        </message>
        <message>
            <location filename="../core/field_mapping.py" />
            <source>the beds count from the start</source>
            <translation>de bedden tellen vanaf het begin mee</translation>
        </message>
    </context>
    <context>
        <name>FieldParameters</name>
        <message>
            <location filename="../processing/parameters/fields.py" />
            <source>Empty: the layer's field named {0} (the first found, in any case).</source>
            <translation>Leeg: het veld van de laag met de naam {0} (het eerste dat er is, hoofdletters of niet).</translation>
        </message>
        <message>
            <location filename="../processing/parameters/fields.py" />
            <source>Fields of layer '{0}': {1}</source>
            <translation>Velden van laag '{0}': {1}</translation>
        </message>
        <message>
            <location filename="../processing/parameters/fields.py" />
            <source>Layer '{0}' has no {1} field (none of {2}): {3}.</source>
            <translation>Laag '{0}' heeft geen veld voor {1} (geen van {2}): {3}.</translation>
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
        <message>
            <location filename="../processing/base.py" />
            <source>Layer '{0}' already has the field(s) {1}: they are kept as they were; the plugin writes its own as {2}.</source>
            <translation>Laag '{0}' heeft al de veld(en) {1}: die blijven zoals ze waren; de plug-in schrijft de zijne als {2}.</translation>
        </message>
        <message>
            <location filename="../processing/outputs/run_outputs.py" />
            <source>Removed the incomplete output {0}</source>
            <translation>Onvolledige uitvoer {0} verwijderd</translation>
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
        <message>
            <location filename="../gui/options_page.py" />
            <source>Housing norms</source>
            <translation>Huisvestingsnormen</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>{0} (this file has an error)</source>
            <translation>{0} (dit bestand bevat een fout)</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>Norm set</source>
            <translation>Normenset</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>The Limburg provincial floor (at most one person per bedroom, at least 15 m² living area per person) always applies on top. Own norm sets: JSON files in {0}.</source>
            <translation>De Limburgse provinciale ondergrens (maximaal één persoon per slaapkamer, minimaal 15 m² woonoppervlak per persoon) geldt altijd aanvullend. Eigen normensets: JSON-bestanden in {0}.</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>Housing gap defaults</source>
            <translation>Standaardwaarden voor de huisvestingsopgave</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>Current (the table's latest year)</source>
            <translation>Huidig (het laatste jaar in de tabel)</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>2030 low ({0} labour migrants in Limburg)</source>
            <translation>2030 laag ({0} arbeidsmigranten in Limburg)</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>2030 high ({0} labour migrants in Limburg)</source>
            <translation>2030 hoog ({0} arbeidsmigranten in Limburg)</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>Scenario</source>
            <translation>Scenario</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>The scenario of the housing gap in the site assessment panel, the province analysis and the default of the Processing algorithms.</source>
            <translation>Het scenario van de huisvestingsopgave in het paneel Locatietoets en de provincieanalyse, en de standaardwaarde van de Processing-algoritmen.</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>Official data (PDOK)</source>
            <translation>Officiële gegevens (PDOK)</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>CBS Gebiedsindelingen (boundaries)</source>
            <translation>CBS Gebiedsindelingen (grenzen)</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>CBS Wijken en Buurten (inhabitants)</source>
            <translation>CBS Wijken en Buurten (inwoners)</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>CBS Bevolkingskernen (built-up stand-in)</source>
            <translation>CBS Bevolkingskernen (vervanger van bebouwd gebied)</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>Time-out</source>
            <translation>Time-out</translation>
        </message>
        <message>
            <location filename="../gui/options_page.py" />
            <source>OGC API Features services that 'Load official boundaries and inhabitants' reads; {year} stands for the year chosen there. QGIS's proxy and authentication settings (Settings › Options › Network) apply.</source>
            <translation>OGC API Features-diensten die 'Officiële grenzen en inwoners laden' leest; {year} staat voor het daar gekozen jaar. De proxy- en authenticatie-instellingen van QGIS (Extra › Opties › Netwerk) gelden.</translation>
        </message>
    </context>
    <context>
        <name>FlexwonenPlugin</name>
        <message>
            <location filename="../gui/plugin_actions.py" />
            <source>Province analysis</source>
            <translation>Provincieanalyse</translation>
        </message>
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
            <source>Load official boundaries and inhabitants (PDOK)…</source>
            <translation>Officiële grenzen en inwoners laden (PDOK)…</translation>
        </message>
        <message>
            <location filename="../plugin.py" />
            <source>Export maps and reports…</source>
            <translation>Kaarten en rapporten exporteren…</translation>
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
        <name>FlexwonenStyling</name>
        <message>
            <location filename="../processing/outputs/styling.py" />
            <source>Flexwonen Limburg</source>
            <translation>Flexwonen Limburg</translation>
        </message>
        <message>
            <location filename="../processing/outputs/styling.py" />
            <source>Could not apply the style {0}: {1}</source>
            <translation>De stijl {0} kon niet worden toegepast: {1}</translation>
        </message>
    </context>
    <context>
        <name>GapInputs</name>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Share of labour migrants in short stay (%)</source>
            <translation>Aandeel arbeidsmigranten in kort verblijf (%)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Share of labour migrants in mid stay (%)</source>
            <translation>Aandeel arbeidsmigranten in middellang verblijf (%)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Share of labour migrants in long stay (long-term residents, %)</source>
            <translation>Aandeel arbeidsmigranten in lang verblijf (blijvers, %)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Share of long-term residents living in regular housing (no demand, %)</source>
            <translation>Aandeel blijvers dat in een reguliere woning woont (geen vraag, %)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Household size of long-term residents (persons per dwelling)</source>
            <translation>Huishoudensgrootte van blijvers (personen per woning)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Persons per bed</source>
            <translation>Personen per bed</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Supply weight of existing beds (0–1)</source>
            <translation>Weging in het aanbod van bestaande bedden (0–1)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Supply weight of permitted beds (0–1)</source>
            <translation>Weging in het aanbod van vergunde bedden (0–1)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Supply weight of planned beds (0–1)</source>
            <translation>Weging in het aanbod van geplande bedden (0–1)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Balanced when the gap is within ± this share of the demand (%)</source>
            <translation>In evenwicht als het tekort binnen ± dit aandeel van de vraag ligt (%)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Province's shares file (JSON with source; replaces the shares above)</source>
            <translation>Aandelenbestand van de provincie (JSON met bron; vervangt de aandelen hierboven)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Demand per municipality (table; replaces the demand model, current scenario)</source>
            <translation>Vraag per gemeente (tabel; vervangt het vraagmodel, huidig scenario)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Demand table: municipality code field</source>
            <translation>Vraagtabel: veld gemeentecode</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Demand table: beds field</source>
            <translation>Vraagtabel: veld bedden</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Demand table: dwellings field (long-term residents)</source>
            <translation>Vraagtabel: veld woningen (blijvers)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Demand table: short-stay beds field</source>
            <translation>Vraagtabel: veld bedden kort verblijf</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Demand table: mid-stay beds field</source>
            <translation>Vraagtabel: veld bedden middellang verblijf</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Demand table: long-stay beds field</source>
            <translation>Vraagtabel: veld bedden lang verblijf</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>Demand table</source>
            <translation>Vraagtabel</translation>
        </message>
        <message>
            <location filename="../processing/parameters/demand.py" />
            <source>The shares per stay category add up to {0:.0f} %: the other {1:.0f} % of the labour migrants is taken to live in regular housing and is not counted as demand.</source>
            <translation>De aandelen per verblijfscategorie tellen op tot {0:.0f} %: van de overige {1:.0f} % van de arbeidsmigranten wordt aangenomen dat ze in reguliere woningen wonen; zij tellen niet mee in de vraag.</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Current (the table's latest year, or the year given)</source>
            <translation>Huidig (het laatste jaar in de tabel, of het opgegeven jaar)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>2030 low ({0:,} labour migrants in Limburg)</source>
            <translation>2030 laag ({0:,} arbeidsmigranten in Limburg)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>2030 high ({0:,} labour migrants in Limburg)</source>
            <translation>2030 hoog ({0:,} arbeidsmigranten in Limburg)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>User-defined (province total and year below)</source>
            <translation>Zelf opgegeven (provinciaal totaal en jaar hieronder)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Automatic: own trend when the table holds several years, else current share</source>
            <translation>Automatisch: eigen trend als de tabel meerdere jaren bevat, anders het huidige aandeel</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Current share of each municipality</source>
            <translation>Huidig aandeel van elke gemeente</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Own trend of each municipality (straight line through the table's years)</source>
            <translation>Eigen trend van elke gemeente (rechte lijn door de jaren in de tabel)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Municipalities</source>
            <translation>Gemeenten</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Municipality code field (CBS, GM####)</source>
            <translation>Veld met gemeentecode (CBS, GM####)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Municipality name field</source>
            <translation>Veld met gemeentenaam</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Region field</source>
            <translation>Veld met regio</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Inhabitants field</source>
            <translation>Veld met aantal inwoners</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Labour migrants per municipality (table)</source>
            <translation>Arbeidsmigranten per gemeente (tabel)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Labour migrants: municipality code field</source>
            <translation>Arbeidsmigranten: veld met gemeentecode</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Labour migrants: year field</source>
            <translation>Arbeidsmigranten: veld met jaar</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Labour migrants: number field</source>
            <translation>Arbeidsmigranten: veld met aantal</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Labour migrants</source>
            <translation>Arbeidsmigranten</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Accommodations (existing, permitted, planned)</source>
            <translation>Huisvestingslocaties (bestaand, vergund, gepland)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Accommodations: name field</source>
            <translation>Huisvestingslocaties: veld met naam</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Accommodations: status field</source>
            <translation>Huisvestingslocaties: veld met status</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Accommodations: stay category field</source>
            <translation>Huisvestingslocaties: veld met verblijfscategorie</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Accommodations: beds field</source>
            <translation>Huisvestingslocaties: veld met aantal bedden</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Accommodations: municipality code field (assign by code instead of by location)</source>
            <translation>Huisvestingslocaties: veld met gemeentecode (toewijzen op code in plaats van op ligging)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Accommodations: end date field (permit end, temporary building; counted in a scenario year only when it ends on or after 31 December of it)</source>
            <translation>Huisvesting: veld einddatum (einde vergunning, tijdelijk gebouw; telt in een scenariojaar alleen mee als die op of na 31 december van dat jaar ligt)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Accommodations: first year field (a planned accommodation counts from this year)</source>
            <translation>Huisvesting: veld eerste jaar (een geplande locatie telt mee vanaf dit jaar)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Accommodations</source>
            <translation>Huisvestingslocaties</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Built-up area</source>
            <translation>Bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Scenario</source>
            <translation>Scenario</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Year (0 = the scenario's own year; required for user-defined)</source>
            <translation>Jaar (0 = het eigen jaar van het scenario; verplicht bij zelf opgegeven)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>User-defined scenario: labour migrants in the province</source>
            <translation>Zelf opgegeven scenario: arbeidsmigranten in de provincie</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Base year of a scenario (0 = the table's latest year)</source>
            <translation>Basisjaar van een scenario (0 = het laatste jaar in de tabel)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/gap.py" />
            <source>Dividing a scenario total over municipalities</source>
            <translation>Verdeling van een scenariototaal over de gemeenten</translation>
        </message>
    </context>
    <context>
        <name>HousingGapAlgorithm</name>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Housing gap per municipality and region</source>
            <translation>Huisvestingsopgave per gemeente en regio</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Demand, supply and gap of beds for labour migrants per municipality, per region (Noord-, Midden-, Zuid-Limburg) and for the province, now or in a 2030 scenario.

Demand = labour migrants x share per stay category / persons per bed (whole beds). Supply = beds of the accommodations in the municipality x the weight of their status (existing, permitted, planned). Gap = demand − supply: positive is a shortage. Gap class: balanced when the gap is within ± the balanced band (share of the demand), else shortage or surplus.

Municipalities: polygons with CBS code, name, region and inhabitants.
Labour migrants: a table with municipality code, year and number (codes may be 'GM0983' or 983). A municipality missing from the table gets no demand and no gap (never zero) and a remark.
Accommodations: points or polygons with status, stay category and beds, assigned to a municipality by location, or by a code field. One outside every municipality is not counted and is named in the province's remarks.
Built-up area (optional): gives built-up km² and labour migrants per km² built-up.
Scenario: current (the table's figures), 2030 low or high (the policy's 96,000 and 112,000), or user-defined (total and year). A scenario total is divided over the municipalities by their current share or their own trend (straight line through the table's years), rounded by largest remainder so that it adds up exactly.
Demand model: every parameter is editable; the defaults come from the model file and the README says which are assumptions to replace with the province's own figures.

Outputs: a municipality layer, a region layer with the province total (region = 'Limburg', no geometry), the accommodations with their municipality and counted beds, and a CSV of all rows. Each output names its scenario and year and records the model version and parameters.</source>
            <translation>Vraag, aanbod en tekort aan bedden voor arbeidsmigranten per gemeente, per regio (Noord-, Midden-, Zuid-Limburg) en voor de provincie, nu of in een scenario voor 2030.

Vraag = arbeidsmigranten x aandeel per verblijfscategorie / personen per bed (hele bedden). Aanbod = bedden van de huisvestingslocaties in de gemeente x de weging van hun status (bestaand, vergund, gepland). Tekort = vraag − aanbod: positief is een tekort. Klasse: in evenwicht als het tekort binnen ± de evenwichtsmarge ligt (aandeel van de vraag), anders tekort of overschot.

Gemeenten: polygonen met CBS-code, naam, regio en aantal inwoners.
Arbeidsmigranten: een tabel met gemeentecode, jaar en aantal (codes mogen 'GM0983' of 983 zijn). Een gemeente die in de tabel ontbreekt, krijgt geen vraag en geen tekort (nooit nul) en een opmerking.
Huisvestingslocaties: punten of polygonen met status, verblijfscategorie en bedden, aan een gemeente toegewezen op ligging of met een veld met gemeentecode. Een locatie buiten elke gemeente telt niet mee en wordt in de opmerkingen van de provincie genoemd.
Bestaand bebouwd gebied (optioneel): levert km² bebouwd gebied en arbeidsmigranten per km² bebouwd gebied.
Scenario: huidig (de cijfers uit de tabel), 2030 laag of hoog (de 96.000 en 112.000 uit het beleid), of zelf opgegeven (totaal en jaar). Een scenariototaal wordt over de gemeenten verdeeld naar hun huidige aandeel of hun eigen trend (rechte lijn door de jaren in de tabel), afgerond met de methode van de grootste overschotten zodat het precies optelt.
Vraagmodel: elke parameter is aan te passen; de standaardwaarden komen uit het modelbestand en de README zegt welke aannames zijn die de provincie door eigen cijfers moet vervangen.

Uitvoer: een gemeentelaag, een regiolaag met het provinciale totaal (regio = 'Limburg', zonder geometrie), de huisvestingslocaties met hun gemeente en getelde bedden, en een CSV met alle rijen. Elke uitvoer noemt zijn scenario en jaar en legt de modelversie en parameters vast.</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Housing gap per municipality</source>
            <translation>Huisvestingsopgave per gemeente</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Housing gap per region and province</source>
            <translation>Huisvestingsopgave per regio en provincie</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Accommodations with their municipality</source>
            <translation>Huisvestingslocaties met hun gemeente</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Housing gap table (CSV)</source>
            <translation>Tabel huisvestingsopgave (CSV)</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-bestanden (*.csv)</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Scenario and year</source>
            <translation>Scenario en jaar</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Labour migrants in the province</source>
            <translation>Arbeidsmigranten in de provincie</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Demand in the province (beds)</source>
            <translation>Vraag in de provincie (bedden)</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Supply in the province (beds)</source>
            <translation>Aanbod in de provincie (bedden)</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Gap in the province (beds)</source>
            <translation>Tekort in de provincie (bedden)</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Sum of the municipal shortages in the province (beds)</source>
            <translation>Som van de gemeentelijke tekorten in de provincie (bedden)</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Reading layers…</source>
            <translation>Lagen lezen…</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>No accommodations layer given: the supply is 0 everywhere.</source>
            <translation>Geen laag met huisvestingslocaties opgegeven: het aanbod is overal 0.</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>No built-up area given: built-up km² and labour migrants per km² built-up are left empty.</source>
            <translation>Geen bebouwd gebied opgegeven: km² bebouwd gebied en arbeidsmigranten per km² bebouwd gebied blijven leeg.</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Scenario: {0}; labour migrants divided by: {1}</source>
            <translation>Scenario: {0}; arbeidsmigranten verdeeld volgens: {1}</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Demand rests on: {0}</source>
            <translation>Vraag berust op: {0}</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>The demand rests on the model's placeholder shares: it is an upper bound (bovengrens (aanname)), not the gap. Give the province's shares (shares file or the parameters) or a demand table.</source>
            <translation>De vraag berust op de voorlopige aandelen van het model: het is een bovengrens (aanname), niet de opgave. Geef de aandelen van de provincie (aandelenbestand of de parameters) of een vraagtabel.</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Housing gap per municipality – {0}</source>
            <translation>Huisvestingsopgave per gemeente – {0}</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Housing gap per region – {0}</source>
            <translation>Huisvestingsopgave per regio – {0}</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Accommodations</source>
            <translation>Huisvestingslocaties</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Accommodations – {0}</source>
            <translation>Huisvestingslocaties – {0}</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Not counted in {0}: {1:,.0f} beds whose end date falls before the end of {0}, {2:,.0f} beds available only from a later year.</source>
            <translation>Niet meegeteld in {0}: {1:,.0f} bedden waarvan de einddatum vóór het einde van {0} ligt, {2:,.0f} bedden die pas vanaf een later jaar beschikbaar zijn.</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Regional hiaten: the municipalities' shortages add up to {0:,.1f} beds, their surpluses to {1:,.1f}; net gap {2:,.1f}.</source>
            <translation>Regionale hiaten: de tekorten van de gemeenten zijn samen {0:,.1f} bedden, hun overschotten {1:,.1f}; saldo {2:,.1f}.</translation>
        </message>
        <message>
            <location filename="../processing/municipal/housing_gap.py" />
            <source>Province: {0:,.0f} labour migrants, demand {1:,.0f}, supply {2:,.1f}, gap {3:,.1f} beds ({4})</source>
            <translation>Provincie: {0:,.0f} arbeidsmigranten, vraag {1:,.0f}, aanbod {2:,.1f}, tekort {3:,.1f} bedden ({4})</translation>
        </message>
    </context>
    <context>
        <name>InputError</name>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the raster has no coordinate reference system</source>
            <translation>het raster heeft geen coördinatenstelsel</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>persons per job must be above 0</source>
            <translation>personen per baan moet boven 0 liggen</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no businesses given</source>
            <translation>geen bedrijven opgegeven</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no distance bands given</source>
            <translation>geen afstandsbanden opgegeven</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>every distance band has weight 0: nothing is within reach</source>
            <translation>elke afstandsband heeft gewicht 0: niets ligt binnen bereik</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the decay distance and the minimum distance must be above 0 km</source>
            <translation>de vervalafstand en de minimale afstand moeten boven 0 km liggen</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>field not found</source>
            <translation>veld niet gevonden</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>negative number of jobs</source>
            <translation>negatief aantal banen</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the extra labour migrants decrease over the years</source>
            <translation>het aantal extra arbeidsmigranten neemt over de jaren af</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no feature has a usable polygon geometry</source>
            <translation>geen object heeft een bruikbare vlakgeometrie</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the layer has no features</source>
            <translation>de laag bevat geen objecten</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the layer has no coordinate reference system; set one in the layer properties (for Dutch data usually EPSG:28992)</source>
            <translation>de laag heeft geen coördinatenstelsel; stel er een in bij de laageigenschappen (voor Nederlandse gegevens meestal EPSG:28992)</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the feature has an invalid geometry</source>
            <translation>het object heeft een ongeldige geometrie</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the layer mixes geometry types (GeometryCollections among them) and QGIS reads it without a coordinate reference system; add the file again and choose the polygon or point part when QGIS asks, or split it with 'Multipart to singleparts'</source>
            <translation>de laag mengt geometrietypen (met GeometryCollections) en QGIS leest haar zonder coördinatenreferentiesysteem; voeg het bestand opnieuw toe en kies het vlak- of puntdeel als QGIS daarom vraagt, of splits haar met 'Multipart naar singleparts'</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no municipality has a usable geometry</source>
            <translation>geen gemeente heeft een bruikbare geometrie</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no feature has a usable geometry</source>
            <translation>geen object heeft een bruikbare geometrie</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the coordinates cannot be converted to EPSG:28992; check the layer's CRS</source>
            <translation>de coördinaten kunnen niet naar EPSG:28992 worden omgezet; controleer het coördinatenstelsel van de laag</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>negative number of beds</source>
            <translation>negatief aantal bedden</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the shares per stay category add up to 0: there is no demand</source>
            <translation>de aandelen per verblijfsduur tellen op tot 0: er is geen vraag</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no municipality code</source>
            <translation>geen gemeentecode</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the table has no rows</source>
            <translation>de tabel heeft geen rijen</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>negative number of labour migrants</source>
            <translation>negatief aantal arbeidsmigranten</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>weights must be finite and not negative</source>
            <translation>gewichten moeten eindig zijn en niet negatief</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>weights add up to 0</source>
            <translation>de gewichten tellen op tot 0</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the user-defined scenario needs a year</source>
            <translation>het eigen scenario vraagt om een jaar</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the user-defined scenario needs a province total above 0</source>
            <translation>het eigen scenario vraagt om een provinciaal totaal boven 0</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no year</source>
            <translation>geen jaar</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the table has no year field; give the base year of its figures</source>
            <translation>de tabel heeft geen veld met het jaar; geef het basisjaar van de cijfers op</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>nothing to divide the total over</source>
            <translation>er is niets om het totaal over te verdelen</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no municipality with a geometry and a region</source>
            <translation>geen gemeente met een geometrie en een regio</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the layout has no atlas to export</source>
            <translation>de kaartopmaak heeft geen atlas om te exporteren</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the atlas has no features: nothing to export</source>
            <translation>de atlas heeft geen objecten: er is niets te exporteren</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no municipality has a region</source>
            <translation>geen gemeente heeft een regio</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no site has a usable geometry: no report to make</source>
            <translation>geen locatie heeft een bruikbare geometrie: er is geen rapport te maken</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no raster given</source>
            <translation>geen raster opgegeven</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>only file-based (GDAL) rasters can be read</source>
            <translation>alleen rasters uit een bestand (GDAL) kunnen worden gelezen</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no business layer given</source>
            <translation>geen laag met bedrijven opgegeven</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no labour-migrant table given</source>
            <translation>geen tabel met arbeidsmigranten opgegeven</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>a demand table gives the demand of its own year; use it with the current scenario</source>
            <translation>een vraagtabel geeft de vraag van haar eigen jaar; gebruik haar met het huidige scenario</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the table has no rows; leave the sector table empty to use the shipped one</source>
            <translation>de tabel heeft geen rijen; laat de sectortabel leeg om de meegeleverde te gebruiken</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no input layer given</source>
            <translation>geen invoerlaag opgegeven</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no stays table given</source>
            <translation>geen tabel met verblijven opgegeven</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>choose a field for every required input</source>
            <translation>kies een veld voor elke verplichte invoer</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no candidate sites layer given</source>
            <translation>geen laag met kandidaatlocaties opgegeven</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no built-up area layer given</source>
            <translation>geen laag met bestaand bebouwd gebied opgegeven</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the streamed mode writes a GeoPackage: choose a .gpkg file</source>
            <translation>de verwerking in delen schrijft een GeoPackage: kies een .gpkg-bestand</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the streamed mode reads a layer stored in a GeoPackage (.gpkg); save the layer as a GeoPackage or use 'Classify candidate sites by built-up area'</source>
            <translation>de verwerking in delen leest een laag uit een GeoPackage (.gpkg); sla de laag op als GeoPackage of gebruik 'Kandidaatlocaties classificeren naar bestaand bebouwd gebied'</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the streamed mode reads the whole layer and cannot apply its filter; remove the filter or use 'Classify candidate sites by built-up area'</source>
            <translation>de verwerking in delen leest de hele laag en kan het filter niet toepassen; verwijder het filter of gebruik 'Kandidaatlocaties classificeren naar bestaand bebouwd gebied'</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>cannot create the output</source>
            <translation>de uitvoer kan niet worden gemaakt</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no PDF file given</source>
            <translation>geen PDF-bestand opgegeven</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no layer given</source>
            <translation>geen laag opgegeven</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no municipalities layer given</source>
            <translation>geen gemeentelaag opgegeven</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no field with the number of beds (planned_beds or beds); choose the beds field</source>
            <translation>geen veld met het aantal bedden (planned_beds of beds); kies het veld met de bedden</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the site context needs the municipalities layer</source>
            <translation>de context van de locatie vraagt om de gemeentelaag</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the site context needs the labour-migrant table</source>
            <translation>de context van de locatie vraagt om de tabel met arbeidsmigranten</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the streamed classification reads the file with the Python package pyogrio, which QGIS's Python lacks; install it from your QGIS distribution's packages (OSGeo4W: python3-pyogrio; Debian/Ubuntu: python3-pyogrio) or use 'Classify candidate sites by built-up area'</source>
            <translation>de gestreamde classificatie leest het bestand met het Python-pakket pyogrio, dat de Python van QGIS mist; installeer het uit de pakketten van uw QGIS-distributie (OSGeo4W: python3-pyogrio; Debian/Ubuntu: python3-pyogrio) of gebruik 'Kandidaatlocaties classificeren naar bestaand bebouwd gebied'</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the service sent something that is not a GeoJSON feature</source>
            <translation>de dienst stuurde iets dat geen GeoJSON-object is</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the service sent a geometry that cannot be read</source>
            <translation>de dienst stuurde een geometrie die niet te lezen is</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>choose a province or municipalities</source>
            <translation>kies een provincie of gemeenten</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>no municipality lies in the chosen area</source>
            <translation>er ligt geen gemeente in het gekozen gebied</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>the official data are written to a GeoPackage: choose a .gpkg file</source>
            <translation>de officiële gegevens worden naar een GeoPackage geschreven: kies een .gpkg-bestand</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>layer '{0}'</source>
            <translation>laag '{0}'</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>feature {0}</source>
            <translation>object {0}</translation>
        </message>
        <message>
            <location filename="../bridge/messages.py" />
            <source>field '{0}'</source>
            <translation>veld '{0}'</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>QGIS's Python has no rasterio 1.3 or newer, which the raster tools (built-up area from a raster, density raster) need. Windows: in the OSGeo4W Setup (the network installer, Advanced Install) select python3-rasterio, then restart QGIS. Do not install a PyPI wheel of rasterio into QGIS's Python: it brings its own GDAL and crashes QGIS.</source>
            <translation>De Python van QGIS heeft geen rasterio 1.3 of nieuwer, dat de rasterfuncties (bestaand bebouwd gebied uit een raster, dichtheidsraster arbeidsmigranten) nodig hebben. Windows: kies in de OSGeo4W Setup (het netwerkinstallatieprogramma, Advanced Install) python3-rasterio en start QGIS daarna opnieuw. Installeer geen PyPI-wheel van rasterio in de Python van QGIS: dat brengt een eigen GDAL mee en laat QGIS crashen.</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>QGIS's Python has no rasterio 1.3 or newer, which the raster tools (built-up area from a raster, density raster) need. Debian/Ubuntu: sudo apt install python3-rasterio, then restart QGIS (other distributions: their own package). Do not install a PyPI wheel of rasterio into QGIS's Python: it brings its own GDAL and crashes QGIS.</source>
            <translation>De Python van QGIS heeft geen rasterio 1.3 of nieuwer, dat de rasterfuncties (bestaand bebouwd gebied uit een raster, dichtheidsraster arbeidsmigranten) nodig hebben. Debian/Ubuntu: sudo apt install python3-rasterio en start QGIS daarna opnieuw (andere distributies: hun eigen pakket). Installeer geen PyPI-wheel van rasterio in de Python van QGIS: dat brengt een eigen GDAL mee en laat QGIS crashen.</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>QGIS's Python has no rasterio 1.3 or newer, which the raster tools (built-up area from a raster, density raster) need. macOS: use a QGIS build whose Python has rasterio, e.g. conda-forge's: conda create -n qgis -c conda-forge qgis geopandas rasterio, then start QGIS from that environment. Do not install a PyPI wheel of rasterio into QGIS's Python: it brings its own GDAL and crashes QGIS.</source>
            <translation>De Python van QGIS heeft geen rasterio 1.3 of nieuwer, dat de rasterfuncties (bestaand bebouwd gebied uit een raster, dichtheidsraster arbeidsmigranten) nodig hebben. macOS: gebruik een QGIS-versie waarvan de Python rasterio heeft, bijvoorbeeld die van conda-forge: conda create -n qgis -c conda-forge qgis geopandas rasterio, en start QGIS vanuit die omgeving. Installeer geen PyPI-wheel van rasterio in de Python van QGIS: dat brengt een eigen GDAL mee en laat QGIS crashen.</translation>
        </message>
        <message>
            <location filename="../core/dependencies.py" />
            <source>QGIS's Python has no rasterio 1.3 or newer, which the raster tools (built-up area from a raster, density raster) need. Install rasterio from the packages of your QGIS distribution, built against QGIS's own GDAL, then restart QGIS. Do not install a PyPI wheel of rasterio into QGIS's Python: it brings its own GDAL and crashes QGIS.</source>
            <translation>De Python van QGIS heeft geen rasterio 1.3 of nieuwer, dat de rasterfuncties (bestaand bebouwd gebied uit een raster, dichtheidsraster arbeidsmigranten) nodig hebben. Installeer rasterio uit de pakketten van de QGIS-distributie, gebouwd op de eigen GDAL van QGIS, en start QGIS daarna opnieuw. Installeer geen PyPI-wheel van rasterio in de Python van QGIS: dat brengt een eigen GDAL mee en laat QGIS crashen.</translation>
        </message>
    </context>
    <context>
        <name>LoadOfficialDataAlgorithm</name>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Load official boundaries and inhabitants (PDOK)</source>
            <translation>Officiële grenzen en inwoners laden (PDOK)</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Loads the official CBS boundaries of a year from PDOK into one GeoPackage: the municipalities, the COROP regions and the province(s) (CBS Gebiedsindelingen), with the inhabitants per municipality (CBS Kerncijfers wijken en buurten) and, when asked, the CBS population cores (Bevolkingskernen) as a stand-in for a built-up contour.

Provinces: codes or names, separated by commas (PV31 or Limburg).
Municipalities: codes (GM0983, 0983 or 983), separated by commas; when given, only these municipalities are loaded (with the regions and province holding them) and the provinces are not used.
Year of the boundaries: the municipalities as they were on 1 January of that year.
Year of the inhabitants: the year of the kerncijfers (inhabitants on 1 January).
Built-up stand-in: the population cores of the year given; they are not the province's built-up contour, and every row says so in 'stand_in'.

Output: a GeoPackage in EPSG:28992 with the layers municipalities (gm_code, gm_name, region, region_code, province_code, province_name, inhabitants, inhabitants_year), regions, province and builtup_standin; each row names its source in 'source' (Kadaster / CBS, dataset, year, CC-BY 4.0) and the layer's description says the same. The services' addresses and the time-out are settings (Settings › Options › Flexwonen Limburg); QGIS's proxy and authentication settings apply.</source>
            <translation>Laadt de officiële CBS-grenzen van een jaar uit PDOK in één GeoPackage: de gemeenten, de COROP-gebieden en de provincie(s) (CBS Gebiedsindelingen), met het aantal inwoners per gemeente (CBS Kerncijfers wijken en buurten) en, desgevraagd, de CBS-bevolkingskernen als vervanger van een contour van bestaand bebouwd gebied.

Provincies: codes of namen, gescheiden door komma's (PV31 of Limburg).
Gemeenten: codes (GM0983, 0983 of 983), gescheiden door komma's; als ze zijn opgegeven, worden alleen deze gemeenten geladen (met de COROP-gebieden en de provincie waarin ze liggen) en worden de provincies niet gebruikt.
Jaar van de grenzen: de gemeenten zoals ze op 1 januari van dat jaar waren.
Jaar van de inwoners: het jaar van de kerncijfers (inwoners op 1 januari).
Vervanger van bebouwd gebied: de bevolkingskernen van het opgegeven jaar; dat is niet de eigen contour van de provincie, en elke rij zegt dat in 'stand_in'.

Uitvoer: een GeoPackage in EPSG:28992 met de lagen municipalities (gm_code, gm_name, region, region_code, province_code, province_name, inhabitants, inhabitants_year), regions, province en builtup_standin; elke rij noemt haar bron in 'source' (Kadaster / CBS, dataset, jaar, CC-BY 4.0) en de beschrijving van de laag zegt hetzelfde. De adressen van de diensten en de time-out zijn instellingen (Extra › Opties › Flexwonen Limburg); de proxy- en authenticatie-instellingen van QGIS gelden.</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Provinces (codes or names)</source>
            <translation>Provincies (codes of namen)</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Municipalities (codes; instead of the provinces)</source>
            <translation>Gemeenten (codes; in plaats van de provincies)</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Year of the boundaries</source>
            <translation>Jaar van de grenzen</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Add the inhabitants per municipality</source>
            <translation>Aantal inwoners per gemeente toevoegen</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Year of the inhabitants (kerncijfers)</source>
            <translation>Jaar van de inwoners (kerncijfers)</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Add the population cores as a built-up stand-in</source>
            <translation>Bevolkingskernen toevoegen als vervanger van bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Year of the population cores</source>
            <translation>Jaar van de bevolkingskernen</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Official data (GeoPackage)</source>
            <translation>Officiële gegevens (GeoPackage)</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Municipalities loaded</source>
            <translation>Geladen gemeenten</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Loading {0}…</source>
            <translation>{0} laden…</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>No inhabitants in {0} for {1}.</source>
            <translation>Geen inwoners in {0} voor {1}.</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Municipalities {0} (CBS)</source>
            <translation>Gemeenten {0} (CBS)</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>COROP regions {0} (CBS)</source>
            <translation>COROP-gebieden {0} (CBS)</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Province {0} (CBS)</source>
            <translation>Provincie {0} (CBS)</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>Population cores {0} (stand-in for built-up area)</source>
            <translation>Bevolkingskernen {0} (vervanger van bebouwd gebied)</translation>
        </message>
        <message>
            <location filename="../processing/data/load_official_data.py" />
            <source>{0}: {1} features; source: {2}</source>
            <translation>{0}: {1} objecten; bron: {2}</translation>
        </message>
    </context>
    <context>
        <name>NormParameters</name>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Beds field</source>
            <translation>Veld met aantal bedden</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Bedrooms field</source>
            <translation>Veld met aantal slaapkamers</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Living area (m²) field</source>
            <translation>Veld met woonoppervlak (m²)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Bedroom area field (m²: a total, or per room as text '9;9;12')</source>
            <translation>Veld met slaapkameroppervlak (m²: een totaal, of per kamer als tekst '9;9;12')</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Toilets field</source>
            <translation>Veld met aantal toiletten</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Showers field</source>
            <translation>Veld met aantal douches</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Housing type field (lodging/logies or dwelling/woning)</source>
            <translation>Veld met woonvorm (lodging/logies of dwelling/woning)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>{0} (this file has an error; choose it to see which)</source>
            <translation>{0} (dit bestand bevat een fout; kies het om te zien welke)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>, own file replacing the built-in set</source>
            <translation>, eigen bestand dat de ingebouwde set vervangt</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>, own file</source>
            <translation>, eigen bestand</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>policy intent, not yet laid down in a regulation</source>
            <translation>beleidsvoornemen, nog niet vastgelegd in een verordening</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Also check housing norms (norm set and fields under Advanced)</source>
            <translation>Ook huisvestingsnormen toetsen (normenset en velden onder Geavanceerd)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Adds the fields of 'Check housing norms' (norms_verdict, norms_max_beds, norm_&lt;rule id&gt;, reasons) for the same features.</source>
            <translation>Voegt de velden van 'Huisvestingsnormen toetsen' (norms_verdict, norms_max_beds, norm_&lt;regel-id&gt;, redenen) toe voor dezelfde objecten.</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Norm set (the Limburg provincial floor always applies on top)</source>
            <translation>Normenset (de Limburgse provinciale ondergrens geldt altijd aanvullend)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Own norm set file (JSON; used instead of the norm set above)</source>
            <translation>Eigen normensetbestand (JSON; gebruikt in plaats van de normenset hierboven)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Housing type where the field is empty or not given</source>
            <translation>Woonvorm als het veld leeg is of niet is opgegeven</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>not known</source>
            <translation>onbekend</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>lodging (logies)</source>
            <translation>logies</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>regular dwelling (woning)</source>
            <translation>reguliere woning</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Norm set {0} is valid {1}, not today ({2}).</source>
            <translation>Normenset {0} geldt {1}, niet vandaag ({2}).</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Norm sets: {0}; fields: {1}</source>
            <translation>Normensets: {0}; velden: {1}</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>layer '{0}', feature {1}: {2}</source>
            <translation>laag '{0}', object {1}: {2}</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>… and {0} more features with unusable values (see the field norms_data_issues)</source>
            <translation>… en nog {0} objecten met onbruikbare waarden (zie het veld norms_data_issues)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/norms.py" />
            <source>Housing norms: {0}</source>
            <translation>Huisvestingsnormen: {0}</translation>
        </message>
    </context>
    <context>
        <name>OfficialData</name>
        <message>
            <location filename="../bridge/network.py" />
            <source>Settings › Options › Flexwonen Limburg</source>
            <translation>Extra › Opties › Flexwonen Limburg</translation>
        </message>
        <message>
            <location filename="../bridge/network.py" />
            <source>the service answered with HTTP error {0} ({1}) to {2}; try again later, or check the service address in {3}</source>
            <translation>de dienst antwoordde met HTTP-fout {0} ({1}) op {2}; probeer het later opnieuw, of controleer het adres van de dienst in {3}</translation>
        </message>
        <message>
            <location filename="../bridge/network.py" />
            <source>the service did not answer within {0:g} seconds ({1}); try again later, or raise the time-out in {2}</source>
            <translation>de dienst antwoordde niet binnen {0:g} seconden ({1}); probeer het later opnieuw, of verhoog de time-out in {2}</translation>
        </message>
        <message>
            <location filename="../bridge/network.py" />
            <source>cannot reach the service ({0}): {1}. Check the internet connection and QGIS's proxy settings (Settings › Options › Network); the service address is set in {2}</source>
            <translation>de dienst is niet bereikbaar ({0}): {1}. Controleer de internetverbinding en de proxy-instellingen van QGIS (Extra › Opties › Netwerk); het adres van de dienst staat in {2}</translation>
        </message>
        <message>
            <location filename="../bridge/network.py" />
            <source>the service's answer to {0} is not JSON (it starts with '{1}'); check the service address in {2}</source>
            <translation>het antwoord van de dienst op {0} is geen JSON (het begint met '{1}'); controleer het adres van de dienst in {2}</translation>
        </message>
        <message>
            <location filename="../bridge/network.py" />
            <source>the service's pages do not end ({0} pages); check the service address in {1}</source>
            <translation>de pagina's van de dienst houden niet op ({0} pagina's); controleer het adres van de dienst in {1}</translation>
        </message>
        <message>
            <location filename="../bridge/network.py" />
            <source>the service's answer to {0} is no GeoJSON feature collection; check the service address in {1}</source>
            <translation>het antwoord van de dienst op {0} is geen GeoJSON-objectverzameling; controleer het adres van de dienst in {1}</translation>
        </message>
        <message>
            <location filename="../bridge/network.py" />
            <source>the service offers no collection; check the service address in {0}</source>
            <translation>de dienst biedt geen collectie aan; controleer het adres van de dienst in {0}</translation>
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
            <source>Built-up area (demo)</source>
            <translation>Bestaand bebouwd gebied (demo)</translation>
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
            <source>Housing gap per municipality – {0}</source>
            <translation>Huisvestingsopgave per gemeente – {0}</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>Housing gap per region – {0}</source>
            <translation>Huisvestingsopgave per regio – {0}</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>Accommodations – {0}</source>
            <translation>Huisvestingslocaties – {0}</translation>
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
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>Housing gap in the province, {0}: {1} beds.</source>
            <translation>Huisvestingsopgave in de provincie, {0}: {1} bedden.</translation>
        </message>
        <message>
            <location filename="../gui/province_analysis.py" />
            <source>Shortage in the municipalities that lack beds: {0} beds.</source>
            <translation>Tekort in de gemeenten die bedden missen: {0} bedden.</translation>
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
            <source>Housing norms: {0}</source>
            <translation>Huisvestingsnormen: {0}</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>, at most {0} beds</source>
            <translation>, hoogstens {0} bedden</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>Housing gap of the municipality: {0} → {1} beds</source>
            <translation>Tekort aan bedden in de gemeente: {0} → {1}</translation>
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
        <name>Scenario</name>
        <message>
            <location filename="../gui/card.py" />
            <source>current</source>
            <translation>huidig</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>2030 low</source>
            <translation>2030 laag</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>2030 high</source>
            <translation>2030 hoog</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>user-defined</source>
            <translation>zelf opgegeven</translation>
        </message>
        <message>
            <location filename="../gui/card.py" />
            <source>2022 (policy)</source>
            <translation>2022 (beleid)</translation>
        </message>
    </context>
    <context>
        <name>SiteAssessment</name>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>meets every rule</source>
            <translation>voldoet aan elke regel</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>does not meet every rule</source>
            <translation>voldoet niet aan elke regel</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>unknown: plan data missing</source>
            <translation>onbekend: plangegevens ontbreken</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>short stay</source>
            <translation>kort verblijf</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>mid stay</source>
            <translation>middellang verblijf</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>long stay</source>
            <translation>lang verblijf</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>shortage</source>
            <translation>tekort</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>balanced</source>
            <translation>in evenwicht</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>surplus</source>
            <translation>overschot</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Location</source>
            <translation>Ligging</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Location class</source>
            <translation>Locatieklasse</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Share inside the built-up area</source>
            <translation>Aandeel binnen bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Distance to the built-up area</source>
            <translation>Afstand tot bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Nearest kern</source>
            <translation>Dichtstbijzijnde kern</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Basis</source>
            <translation>Grondslag</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Edge distance used</source>
            <translation>Gebruikte randafstand</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Minimum share inside used</source>
            <translation>Gebruikt minimaal aandeel binnen</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Rules</source>
            <translation>Regels</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Municipality</source>
            <translation>Gemeente</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Municipality code</source>
            <translation>Gemeentecode</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Region</source>
            <translation>Regio</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Share of the site in this municipality</source>
            <translation>Aandeel van de locatie in deze gemeente</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Straddles municipalities</source>
            <translation>Ligt in meer dan één gemeente</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Planned beds</source>
            <translation>Geplande bedden</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Stay category</source>
            <translation>Verblijfscategorie</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Nearest accommodation</source>
            <translation>Dichtstbijzijnde huisvestingslocatie</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Distance to the nearest accommodation</source>
            <translation>Afstand tot de dichtstbijzijnde huisvestingslocatie</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Plan and surroundings</source>
            <translation>Plan en omgeving</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Verdict</source>
            <translation>Oordeel</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Most beds that meet every rule</source>
            <translation>Meeste bedden die aan elke regel voldoen</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>not every rule could be checked</source>
            <translation>niet elke regel kon worden getoetst</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Binding rule</source>
            <translation>Bepalende regel</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Reasons</source>
            <translation>Redenen</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Unusable plan data</source>
            <translation>Onbruikbare plangegevens</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Norm sets</source>
            <translation>Normensets</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Housing norms</source>
            <translation>Huisvestingsnormen</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Scenario</source>
            <translation>Scenario</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Labour migrants in the municipality</source>
            <translation>Arbeidsmigranten in de gemeente</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Labour migrants per 1,000 inhabitants</source>
            <translation>Arbeidsmigranten per 1.000 inwoners</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Migrant beds per 100 inhabitants, before</source>
            <translation>Bedden voor arbeidsmigranten per 100 inwoners, vooraf</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Migrant beds per 100 inhabitants, with this site</source>
            <translation>Bedden voor arbeidsmigranten per 100 inwoners, met deze locatie</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Housing gap of the municipality, before (beds)</source>
            <translation>Tekort aan bedden in de gemeente, vooraf</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Housing gap of the municipality, with this site (beds)</source>
            <translation>Tekort aan bedden in de gemeente, met deze locatie</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Housing gap of the region, before (beds)</source>
            <translation>Tekort aan bedden in de regio, vooraf</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Housing gap of the region, with this site (beds)</source>
            <translation>Tekort aan bedden in de regio, met deze locatie</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Demand model</source>
            <translation>Vraagmodel</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Demand rests on</source>
            <translation>Vraag berust op</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Assumptions of the demand model</source>
            <translation>Aannames van het vraagmodel</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Notes on the housing gap</source>
            <translation>Opmerkingen bij de huisvestingsopgave</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Housing gap and concentration</source>
            <translation>Huisvestingsopgave en concentratie</translation>
        </message>
        <message>
            <location filename="../core/site_assessment/sections.py" />
            <source>Remarks</source>
            <translation>Opmerkingen</translation>
        </message>
    </context>
    <context>
        <name>SiteAssessmentDock</name>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Layers</source>
            <translation>Lagen</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Built-up area</source>
            <translation>Bestaand bebouwd gebied</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Municipalities</source>
            <translation>Gemeenten</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Accommodations</source>
            <translation>Huisvestingslocaties</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Labour migrants (table)</source>
            <translation>Arbeidsmigranten (tabel)</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Field names</source>
            <translation>Veldnamen</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Kern name</source>
            <translation>Naam van de kern</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Municipality code</source>
            <translation>Gemeentecode</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Municipality name</source>
            <translation>Gemeentenaam</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Region</source>
            <translation>Regio</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Inhabitants</source>
            <translation>Inwoners</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Accommodation name</source>
            <translation>Naam huisvestingslocatie</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Beds</source>
            <translation>Bedden</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Status (existing / permitted / planned)</source>
            <translation>Status (bestaand / vergund / gepland)</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Accommodation: stay category</source>
            <translation>Huisvesting: verblijfscategorie</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Migrants: municipality code</source>
            <translation>Migranten: gemeentecode</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Migrants: year</source>
            <translation>Migranten: jaar</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Migrants: number</source>
            <translation>Migranten: aantal</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Site id</source>
            <translation>Locatie-id</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Site name</source>
            <translation>Locatienaam</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Planned beds</source>
            <translation>Geplande bedden</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Site: stay category</source>
            <translation>Locatie: verblijfscategorie</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Site: bedrooms</source>
            <translation>Locatie: slaapkamers</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Site: living area (m²)</source>
            <translation>Locatie: woonoppervlak (m²)</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Site: bedroom area (m²)</source>
            <translation>Locatie: slaapkameroppervlak (m²)</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Site: toilets</source>
            <translation>Locatie: toiletten</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Site: showers</source>
            <translation>Locatie: douches</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Site: housing type (lodging / dwelling)</source>
            <translation>Locatie: woonvorm (logies / woning)</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/choices.py" />
            <source>Found by its usual name; choose another field to override.</source>
            <translation>Gevonden aan de gebruikelijke naam; kies een ander veld om dit te wijzigen.</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Site assessment</source>
            <translation>Locatietoets</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Site assessment (Locatietoets)</source>
            <translation>Locatietoets</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Choose the layers, then click a site on the map, use the selected sites or draw a new site.</source>
            <translation>Kies de lagen en klik daarna op een locatie op de kaart, gebruik de geselecteerde locaties of teken een nieuwe locatie.</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Site</source>
            <translation>Locatie</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Candidate sites</source>
            <translation>Kandidaatlocaties</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Click a site</source>
            <translation>Klik een locatie</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Click a site of the candidate sites layer on the map</source>
            <translation>Klik op de kaart op een locatie van de laag met kandidaatlocaties</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Use selected</source>
            <translation>Selectie toetsen</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Assess the selected features of the candidate sites layer</source>
            <translation>Toets de geselecteerde objecten van de laag met kandidaatlocaties</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Draw a site</source>
            <translation>Teken een locatie</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Draw a new site polygon: click the corners, right-click to finish, Esc to start over</source>
            <translation>Teken een nieuwe locatie: klik de hoekpunten, rechtsklik om af te ronden, Esc om opnieuw te beginnen</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Cancel</source>
            <translation>Annuleren</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Zoom to site</source>
            <translation>Zoom naar locatie</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Zoom the map to the assessed site</source>
            <translation>Zoom de kaart in op de getoetste locatie</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Add to layer</source>
            <translation>Aan laag toevoegen</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Add the assessed sites with their results to the layer chosen below (empty: a new memory layer)</source>
            <translation>Voeg de getoetste locaties met hun uitkomst toe aan de laag hieronder (leeg: een nieuwe tijdelijke laag)</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Export site report</source>
            <translation>Locatierapport exporteren</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Export the site report (PDF)</source>
            <translation>Het locatierapport exporteren (PDF)</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Results layer (empty: a new layer)</source>
            <translation>Resultatenlaag (leeg: een nieuwe laag)</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Help</source>
            <translation>Help</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/dock.py" />
            <source>Open the user guide</source>
            <translation>De handleiding openen</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/results.py" />
            <source>Out of date: the layers, fields or settings have changed since this assessment. Assess the site again.</source>
            <translation>Verouderd: de lagen, velden of instellingen zijn gewijzigd sinds deze toets. Toets de locatie opnieuw.</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/results.py" />
            <source>Dashed line on the map: the edge distance around the built-up area.</source>
            <translation>Stippellijn op de kaart: de randafstand rond bestaand bebouwd gebied.</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/results.py" />
            <source>Layer '{0}' cannot hold these sites (other geometry type); they went to a new layer.</source>
            <translation>Laag '{0}' kan deze locaties niet bevatten (ander geometrietype); ze staan in een nieuwe laag.</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/results.py" />
            <source>Could not add to layer '{0}': {1}</source>
            <translation>Toevoegen aan laag '{0}' is mislukt: {1}</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/results.py" />
            <source>{0} site(s) added to the results layer.</source>
            <translation>{0} locatie(s) toegevoegd aan de resultatenlaag.</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/results.py" />
            <source>Drawn sites</source>
            <translation>Getekende locaties</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/runner.py" />
            <source>Choose the candidate sites layer first.</source>
            <translation>Kies eerst de laag met kandidaatlocaties.</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/runner.py" />
            <source>No features are selected in layer '{0}'.</source>
            <translation>In laag '{0}' zijn geen objecten geselecteerd.</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/runner.py" />
            <source>drawn-{0}</source>
            <translation>getekend-{0}</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/runner.py" />
            <source>Drawn site {0}</source>
            <translation>Getekende locatie {0}</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/runner.py" />
            <source>drawn site</source>
            <translation>getekende locatie</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/runner.py" />
            <source>Choose the built-up area layer first.</source>
            <translation>Kies eerst de laag met bestaand bebouwd gebied.</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/runner.py" />
            <source>Flexwonen Limburg: site assessment</source>
            <translation>Flexwonen Limburg: locatietoets</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/runner.py" />
            <source>Assessing…</source>
            <translation>Bezig met toetsen…</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/runner.py" />
            <source>Cancelled: nothing was assessed.</source>
            <translation>Geannuleerd: er is niets getoetst.</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/runner.py" />
            <source>Could not assess the site: {0}</source>
            <translation>De locatie kon niet worden getoetst: {0}</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/runner.py" />
            <source>Edge distance {0} m, minimum share inside {1} (Settings › Options › Flexwonen Limburg)</source>
            <translation>Randafstand {0} m, minimaal aandeel binnen {1} (Extra › Opties › Flexwonen Limburg)</translation>
        </message>
        <message>
            <location filename="../gui/site_panel/site_tools.py" />
            <source>No site of layer '{0}' here. Click inside a site (or on a point).</source>
            <translation>Hier ligt geen locatie van laag '{0}'. Klik binnen een locatie (of op een punt).</translation>
        </message>
    </context>
    <context>
        <name>SiteContextBlock</name>
        <message>
            <location filename="../processing/parameters/site_context.py" />
            <source>Add site context: concentration and housing gap before and after the site's beds (needs municipalities and the labour-migrant table)</source>
            <translation>Omgeving van de locatie toevoegen: concentratie en huisvestingsopgave voor en na de bedden van de locatie (vereist gemeenten en de tabel met arbeidsmigranten)</translation>
        </message>
        <message>
            <location filename="../processing/parameters/site_context.py" />
            <source>Site context: planned beds field of the sites</source>
            <translation>Omgeving van de locatie: veld met geplande bedden van de locaties</translation>
        </message>
        <message>
            <location filename="../processing/parameters/site_context.py" />
            <source>Site context: stay category field of the sites</source>
            <translation>Omgeving van de locatie: veld met verblijfscategorie van de locaties</translation>
        </message>
        <message>
            <location filename="../processing/parameters/site_context.py" />
            <source>Site context: inhabitants field of the municipalities</source>
            <translation>Omgeving van de locatie: veld met inwoners van de gemeenten</translation>
        </message>
        <message>
            <location filename="../processing/parameters/site_context.py" />
            <source>Municipalities</source>
            <translation>Gemeenten</translation>
        </message>
        <message>
            <location filename="../processing/parameters/site_context.py" />
            <source>Labour migrants</source>
            <translation>Arbeidsmigranten</translation>
        </message>
        <message>
            <location filename="../processing/parameters/site_context.py" />
            <source>Site context without an accommodations layer: the supply before the sites is 0 everywhere.</source>
            <translation>Omgeving van de locatie zonder laag met huisvestingslocaties: het aanbod vóór de locaties is overal 0.</translation>
        </message>
        <message>
            <location filename="../processing/parameters/site_context.py" />
            <source>Site context: {0}, demand model {1}</source>
            <translation>Omgeving van de locatie: {0}, vraagmodel {1}</translation>
        </message>
    </context>
    <context>
        <name>SitesBlock</name>
        <message>
            <location filename="../processing/parameters/sites.py" />
            <source>Candidate sites</source>
            <translation>Kandidaatlocaties</translation>
        </message>
        <message>
            <location filename="../processing/parameters/sites.py" />
            <source>Site id field</source>
            <translation>Veld met locatie-id</translation>
        </message>
    </context>
</TS>
