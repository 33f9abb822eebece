"""The result card: a site assessment as HTML for the panel's QTextBrowser.

Labels come from the core in English and are translated here (context
``SiteAssessment``); numbers are formatted in the user's locale; the location class is
shown in its colour from the rules file.
"""
import html
from typing import List, Optional

from qgis.PyQt.QtCore import QCoreApplication, QLocale
from qgis.PyQt.QtGui import QColor

from ..core import site_assessment as sa
from ..core.housing_norms import FAIL, PASS, UNKNOWN
from ..core.rules import class_label, location_rules
from ..core.texts import QT_TRANSLATE_NOOP
from ..bridge.language import user_language

# The scenario labels of the demand model file, so that a title such as "current (2022)"
# reads in the user's language; a label not listed here is shown as it is.
SCENARIO_LABELS = (
    QT_TRANSLATE_NOOP("Scenario", "current"), QT_TRANSLATE_NOOP("Scenario", "2030 low"),
    QT_TRANSLATE_NOOP("Scenario", "2030 high"), QT_TRANSLATE_NOOP("Scenario", "user-defined"),
    QT_TRANSLATE_NOOP("Scenario", "2022 (policy)"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("ResultCard", text)


def label(text: str) -> str:
    """A core label (section title or row label) in the user's language."""
    return QCoreApplication.translate(sa.CONTEXT, text)


# Keyed by the norm check's own constants (a literal "pass" key reads to security
# scanners as a hard-coded password).
VERDICT_COLOURS = {PASS: "#1a9641", FAIL: "#d7191c", UNKNOWN: "#808080"}


def scenario_text(title: str) -> str:
    """A scenario title ("current (2022)") with its label in the user's language."""
    for name in sorted(SCENARIO_LABELS, key=len, reverse=True):
        if title == name or title.startswith(name + " ("):
            return QCoreApplication.translate("Scenario", name) + title[len(name):]
    return title


def class_colour(location_class: Optional[str]) -> str:
    if not location_class:
        return "#808080"
    return location_rules()["classes"][location_class]["color"]


def class_text(location_class: Optional[str]) -> str:
    if not location_class:
        return tr("no class (no usable geometry)")
    return class_label(location_rules(), location_class, user_language())


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on the background colour."""
    colour = QColor(background)
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return "#000000" if luminance > 150 else "#ffffff"


def card_locale() -> QLocale:
    """The user's locale, with thousands separators (82.895 in Dutch) even where QGIS's
    own setting leaves them out: counts of people and beds are read at a glance."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale


def format_value(row: sa.Row, locale: Optional[QLocale] = None) -> str:
    """The row's value as HTML, in the user's locale."""
    locale = locale or card_locale()
    value = row.value
    if row.kind == sa.VERDICT and value is not None:
        colour = VERDICT_COLOURS.get(value, "#808080")
        text = (f'<span style="background-color:{colour}; color:{text_colour_on(colour)}">'
                f'&nbsp;{html.escape(label(row.display) if row.display else str(value))}&nbsp;</span>')
    elif row.texts and (row.texts.get(user_language()) or row.texts.get("en")):
        text = html.escape(row.texts.get(user_language()) or row.texts["en"])
    elif row.display and value is not None:
        text = html.escape(label(row.display))
    elif value is None:
        text = f'<span style="color:#777777"><i>{html.escape(tr("unknown"))}</i></span>'
    elif row.kind == sa.CLASS:
        text = html.escape(class_text(value))
    elif row.kind == sa.METRES:
        text = html.escape(format_metres(float(value), locale))
    elif row.kind == sa.SHARE:
        text = html.escape(format_share(float(value), locale))
    elif row.kind == sa.COUNT:
        text = html.escape(locale.toString(int(value)))
    elif row.kind == sa.NUMBER:
        text = html.escape(format_number(float(value), locale))
    elif row.kind == sa.FLAG:
        text = html.escape(tr("yes") if value else tr("no"))
    elif row.key == "ctx_scenario":
        text = html.escape(scenario_text(str(value)))
    else:
        text = html.escape(str(value))
    if row.note:
        # A note is a year or a marked word such as a gap class; the latter is translated.
        text += f' <span style="color:#555555">({html.escape(label(row.note))})</span>'
    return text


def format_metres(value: float, locale: QLocale) -> str:
    if value >= 10_000:
        return tr("{0} km").format(locale.toString(value / 1000.0, "f", 1))
    decimals = 0 if value >= 10 or value == int(value) else 1
    return tr("{0} m").format(locale.toString(value, "f", decimals))


def format_number(value: float, locale: QLocale) -> str:
    """Fewer decimals for larger numbers: 1234, 45.6, 3.21."""
    size = abs(value)
    decimals = 0 if size >= 100 or value == int(value) else (1 if size >= 10 else 2)
    return locale.toString(value, "f", decimals)


def format_share(value: float, locale: QLocale) -> str:
    percent = value * 100.0
    decimals = 0 if abs(percent - round(percent)) < 0.05 else 1
    return tr("{0} %").format(locale.toString(percent, "f", decimals))


def render_card(assessment: sa.SiteAssessment, locale: Optional[QLocale] = None,
                map_hint: str = "") -> str:
    """One site's card: title, the class in colour, then every section as a table."""
    colour = class_colour(assessment.location_class)
    title = assessment.name or tr("Site {0}").format(assessment.site_id)
    subtitle = "" if not assessment.name else tr("Site {0}").format(assessment.site_id)
    parts = [
        f'<h3 style="margin-bottom:2px">{html.escape(title)}</h3>',
        f'<p style="margin-top:0px;color:#555555">{html.escape(subtitle)}</p>' if subtitle else "",
        '<table width="100%" cellpadding="8" cellspacing="0"><tr>'
        f'<td bgcolor="{colour}" style="color:{text_colour_on(colour)}; font-size:large">'
        f'<b>{html.escape(class_text(assessment.location_class))}</b></td></tr></table>',
    ]
    headline = render_headline(assessment, locale or card_locale())
    if headline:
        parts.append(headline)
    if map_hint:
        parts.append(f'<p style="color:#555555; margin-top:3px">{html.escape(map_hint)}</p>')
    for section in assessment.sections:
        rows = [row for row in section.rows if row.kind != sa.CLASS]  # the banner shows the class
        if not rows:
            continue
        parts.append(f'<h4 style="margin-bottom:2px">{html.escape(label(section.title))}</h4>')
        parts.append('<table width="100%" cellpadding="2" cellspacing="0">')
        for row in rows:
            parts.append(f'<tr><td width="55%" style="color:#333333">{html.escape(label(row.label))}</td>'
                         f'<td>{format_value(row, locale)}</td></tr>')
        parts.append("</table>")
    return "\n".join(parts)


def render_headline(assessment: sa.SiteAssessment, locale: QLocale) -> str:
    """The other verdicts at a glance, under the class: the norms and the municipal gap."""
    lines = []
    verdict = assessment.row("norms_verdict")
    if verdict is not None and verdict.value is not None:
        most = assessment.value("norms_max_beds")
        text = tr("Housing norms: {0}").format(format_value(verdict, locale))
        if most is not None:
            text += html.escape(tr(", at most {0} beds").format(locale.toString(int(most))))
        lines.append(text)
    before, after = assessment.row("ctx_gm_gap_before"), assessment.row("ctx_gm_gap_after")
    if before is not None and after is not None and before.value is not None and after.value is not None:
        lines.append(html.escape(tr("Housing gap of the municipality: {0} → {1} beds").format(
            format_number(float(before.value), locale), format_number(float(after.value), locale))))
    if not lines:
        return ""
    return '<p style="margin-top:4px">' + "<br/>".join(lines) + "</p>"


def render_summary(assessments: List[sa.SiteAssessment]) -> str:
    """A line per class for several sites: how many are inside, at the edge, outside."""
    counts = {}
    for assessment in assessments:
        counts[assessment.location_class] = counts.get(assessment.location_class, 0) + 1
    rows = []
    for location_class in ("inside", "edge", "outside", None):
        if counts.get(location_class):
            colour = class_colour(location_class)
            rows.append(f'<tr><td bgcolor="{colour}" width="14">&nbsp;</td>'
                        f'<td>{html.escape(class_text(location_class))}</td>'
                        f'<td align="right"><b>{card_locale().toString(counts[location_class])}</b></td></tr>')
    heading = tr("{0} sites assessed").format(card_locale().toString(len(assessments)))
    return (f"<h3>{html.escape(heading)}</h3>"
            f'<table cellpadding="3" cellspacing="2">{"".join(rows)}</table>')


def render_message(text: str, error: bool = False) -> str:
    colour = "#b00020" if error else "#333333"
    return f'<p style="color:{colour}">{html.escape(text)}</p>'
