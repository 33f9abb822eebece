"""The Python packages the plugin needs in QGIS's Python, checked before anything imports them.

Pure Python (no ``qgis``, no Qt, no plugin module that needs geopandas), so that the
plugin can import it, and say what is missing, in a QGIS whose Python lacks geopandas.

* Required: numpy, pandas, shapely ≥ 2, pyproj and geopandas. They are imported here:
  only an import shows that a package really works (a build for another numpy, a
  missing library), and the plugin imports them at start-up anyway.
* Optional: pyogrio (the streamed classification; elsewhere the plugin reads and writes
  through QGIS instead) and rasterio (raster input and output). They are looked up
  without importing them, so that start-up never loads a library the user does not use.

Texts are English and marked for translation (context ``Dependencies``; the rasterio
texts ``InputError``, as the raster algorithms raise them); the plugin passes its Qt
translation function as ``say(text, context)``. Install advice is for the user's platform.
"""
import importlib
import importlib.util
import re
import sys
from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence, Tuple

CONTEXT = "Dependencies"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name the translation scans look for)
    """Marks a text for translation without Qt: this module must import without QGIS."""
    return text


@dataclass(frozen=True)
class Package:
    name: str            # the import name
    minimum: str         # oldest version supported
    osgeo4w: str         # OSGeo4W package (Windows)
    debian: str          # Debian/Ubuntu package
    required: bool = True


# In import order: each one's dependencies come first, so that a failing import is
# blamed on the package that is really missing. numpy, pandas and pyproj: geopandas 1.0's
# own minimums; geopandas 0.14: the first to use shapely 2 by default.
REQUIRED = (
    Package("numpy", "1.22", "python3-numpy", "python3-numpy"),
    Package("pandas", "1.4", "python3-pandas", "python3-pandas"),
    Package("shapely", "2.0", "python3-shapely", "python3-shapely"),   # the shapely 2 array API
    Package("pyproj", "3.3", "python3-pyproj", "python3-pyproj"),      # geopandas imports it
    Package("geopandas", "0.14", "python3-geopandas", "python3-geopandas"),
)
OPTIONAL = (
    Package("pyogrio", "0.7", "python3-pyogrio", "python3-pyogrio", required=False),
    Package("rasterio", "1.3", "python3-rasterio", "python3-rasterio", required=False),
)


@dataclass(frozen=True)
class Problem:
    package: Package
    found: Optional[str] = None      # the version found; None when not installed
    error: Optional[str] = None      # why an installed package cannot be imported


# ----------------------------------------------------------------------------- texts

REQUIREMENT = QT_TRANSLATE_NOOP("Dependencies", "{0} {1} or newer")
NOT_INSTALLED = QT_TRANSLATE_NOOP("Dependencies", "not installed")
FOUND = QT_TRANSLATE_NOOP("Dependencies", "found {0}")
CANNOT_LOAD = QT_TRANSLATE_NOOP("Dependencies", "cannot be loaded: {0}")
REQUIRED_HEADLINE = QT_TRANSLATE_NOOP(
    "Dependencies", "Flexwonen Limburg's tools stay off: QGIS's Python needs {0}.")
PYOGRIO_PURPOSE = QT_TRANSLATE_NOOP(
    "Dependencies", "Flexwonen Limburg works without {0}, but the streamed classification of "
                    "large GeoPackages needs it.")
WINDOWS_ADVICE = QT_TRANSLATE_NOOP(
    "Dependencies", "Windows: in the OSGeo4W Setup (the network installer, Advanced Install) "
                    "select {0}, then restart QGIS.")
WINDOWS_INSTALLERS = QT_TRANSLATE_NOOP(
    "Dependencies", "The QGIS installers for Windows include geopandas, shapely, pandas and "
                    "pyogrio from QGIS 3.40 on.")
LINUX_ADVICE = QT_TRANSLATE_NOOP(
    "Dependencies", "Debian/Ubuntu: sudo apt install {0}, then restart QGIS (other "
                    "distributions: their own packages).")
LINUX_RELEASES = QT_TRANSLATE_NOOP(
    "Dependencies", "The geopandas and shapely of Debian 12 and Ubuntu 22.04 are too old; "
                    "Debian 13 and Ubuntu 24.04 or newer have them.")
MACOS_ADVICE = QT_TRANSLATE_NOOP(
    "Dependencies", "macOS: use a QGIS build whose Python has {0}, e.g. "
                    "conda-forge's: conda create -n qgis -c conda-forge qgis geopandas rasterio, "
                    "then start QGIS from that environment.")
OTHER_ADVICE = QT_TRANSLATE_NOOP(
    "Dependencies", "Install {0} from the packages of your QGIS distribution, built against "
                    "QGIS's own GDAL, GEOS and PROJ, then restart QGIS.")
NO_WHEELS = QT_TRANSLATE_NOOP(
    "Dependencies", "Do not install PyPI wheels of shapely, pyproj, pyogrio or rasterio into "
                    "QGIS's Python: they bring their own GEOS, PROJ and GDAL and crash QGIS.")

# What the raster algorithms raise (as an InputError, whose fixed texts the plugin
# translates whole), and what the plugin logs at start-up when rasterio is missing:
# the same words in both places.
RASTERIO_MISSING = {
    "windows": QT_TRANSLATE_NOOP(
        "InputError", "QGIS's Python has no rasterio 1.3 or newer, which the raster tools "
                      "(built-up area from a raster, density raster) need. Windows: in the "
                      "OSGeo4W Setup (the network installer, Advanced Install) select "
                      "python3-rasterio, then restart QGIS. Do not install a PyPI wheel of "
                      "rasterio into QGIS's Python: it brings its own GDAL and crashes QGIS."),
    "linux": QT_TRANSLATE_NOOP(
        "InputError", "QGIS's Python has no rasterio 1.3 or newer, which the raster tools "
                      "(built-up area from a raster, density raster) need. Debian/Ubuntu: sudo "
                      "apt install python3-rasterio, then restart QGIS (other distributions: "
                      "their own package). Do not install a PyPI wheel of rasterio into QGIS's "
                      "Python: it brings its own GDAL and crashes QGIS."),
    "macos": QT_TRANSLATE_NOOP(
        "InputError", "QGIS's Python has no rasterio 1.3 or newer, which the raster tools "
                      "(built-up area from a raster, density raster) need. macOS: use a QGIS "
                      "build whose Python has rasterio, e.g. conda-forge's: conda create -n qgis -c "
                      "conda-forge qgis geopandas rasterio, then start QGIS from that "
                      "environment. Do not install a PyPI wheel of rasterio into QGIS's Python: "
                      "it brings its own GDAL and crashes QGIS."),
    "other": QT_TRANSLATE_NOOP(
        "InputError", "QGIS's Python has no rasterio 1.3 or newer, which the raster tools "
                      "(built-up area from a raster, density raster) need. Install rasterio "
                      "from the packages of your QGIS distribution, built against QGIS's own "
                      "GDAL, then restart QGIS. Do not install a PyPI wheel of rasterio into "
                      "QGIS's Python: it brings its own GDAL and crashes QGIS."),
}


def _untranslated(text: str, context: str = CONTEXT) -> str:
    return text


# ----------------------------------------------------------------------------- checks

def version_numbers(text: str) -> Tuple[int, ...]:
    """The leading release numbers of a version: '2.0.1' -> (2, 0, 1), '1.0rc1' -> (1, 0)."""
    numbers = []
    for part in str(text).split("."):
        match = re.match(r"\d+", part)
        if match is None:
            break
        numbers.append(int(match.group()))
        if match.end() < len(part):
            break
    return tuple(numbers)


def at_least(found: Optional[str], minimum: str) -> bool:
    """True when ``found`` is ``minimum`` or newer, or cannot be read (then it is not
    the version that is wrong)."""
    have, need = version_numbers(found or ""), version_numbers(minimum)
    if not have:
        return True
    width = max(len(have), len(need))
    return have + (0,) * (width - len(have)) >= need + (0,) * (width - len(need))


def _installed_version(name: str) -> Optional[str]:
    try:
        from importlib import metadata
        return metadata.version(name)
    except Exception:  # no distribution metadata (some packaged builds): version unknown
        return None


def _installed(name: str) -> bool:
    """Whether the package can be found, without importing it."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # ValueError: hidden by a None in sys.modules
        return False


def check_package(package: Package, blamed: Sequence[str] = ()) -> Optional[Problem]:
    """The package's problem, or None when it is usable. A required package is imported;
    an optional one only looked up. ``blamed``: packages already reported, whose absence
    explains this one's failing import."""
    if not package.required:
        if not _installed(package.name):
            return Problem(package)
        found = _installed_version(package.name)
        return None if at_least(found, package.minimum) else Problem(package, found)
    try:
        module = importlib.import_module(package.name)
    except ImportError as error:
        root = (error.name or "").split(".")[0]
        if error.name == package.name and isinstance(error, ModuleNotFoundError):
            return Problem(package)
        if root in blamed:
            # Explained by a package already reported; but say now when this one is
            # missing too, so that one round of installing is enough.
            return None if _installed(package.name) else Problem(package)
        return Problem(package, _installed_version(package.name), _first_line(error))
    except Exception as error:  # a broken build fails in many ways (AttributeError, OSError...)
        return Problem(package, _installed_version(package.name), _first_line(error))
    found = getattr(module, "__version__", None) or _installed_version(package.name)
    return None if at_least(found, package.minimum) else Problem(package, found)


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def check(packages: Sequence[Package]) -> List[Problem]:
    problems: List[Problem] = []
    for package in packages:
        problem = check_package(package, [p.package.name for p in problems])
        if problem is not None:
            problems.append(problem)
    return problems


def check_required() -> List[Problem]:
    """Problems with the packages without which the plugin cannot work."""
    return check(REQUIRED)


def check_optional() -> List[Problem]:
    """Problems with the packages only some tools need."""
    return check(OPTIONAL)


def rasterio_problem(rasterio_module) -> Optional[Problem]:
    """For an imported rasterio: a problem when it is older than the plugin needs."""
    package = next(p for p in OPTIONAL if p.name == "rasterio")
    found = getattr(rasterio_module, "__version__", None)
    return None if at_least(found, package.minimum) else Problem(package, found)


# ----------------------------------------------------------------------------- messages

def platform_key(platform: Optional[str] = None) -> str:
    """'windows', 'linux', 'macos' or 'other', from ``sys.platform`` (or the one given)."""
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "cygwin")):
        return "windows"
    if platform.startswith("linux"):
        return "linux"
    if platform == "darwin":
        return "macos"
    return "other"


def describe_problem(problem: Problem, say: Callable[..., str] = _untranslated) -> str:
    """'shapely 2.0 or newer (found 1.8.5)', 'geopandas 0.14 or newer (not installed)'."""
    package = problem.package
    wanted = say(REQUIREMENT).format(package.name, package.minimum)
    if problem.error:
        state = say(CANNOT_LOAD).format(problem.error)
    elif problem.found is None:
        state = say(NOT_INSTALLED)
    else:
        state = say(FOUND).format(problem.found)
    return f"{wanted} ({state})"


def install_advice(problems: Sequence[Problem], platform: Optional[str] = None,
                   say: Callable[..., str] = _untranslated) -> str:
    """How to install the problems' packages on the platform, and what never to do."""
    key = platform_key(platform)
    packages = [problem.package for problem in problems]
    names = ", ".join(p.name for p in packages)
    core = any(p.required or p.name == "pyogrio" for p in packages)
    if key == "windows":
        sentences = [say(WINDOWS_ADVICE).format(", ".join(p.osgeo4w for p in packages))]
        if core:
            sentences.append(say(WINDOWS_INSTALLERS))
    elif key == "linux":
        sentences = [say(LINUX_ADVICE).format(" ".join(p.debian for p in packages))]
        if any(p.required for p in packages):
            sentences.append(say(LINUX_RELEASES))
    elif key == "macos":
        sentences = [say(MACOS_ADVICE).format(names)]
    else:
        sentences = [say(OTHER_ADVICE).format(names)]
    sentences.append(say(NO_WHEELS))
    return " ".join(sentences)


def required_message(problems: Sequence[Problem], platform: Optional[str] = None,
                     say: Callable[..., str] = _untranslated) -> str:
    """The one message for missing or too old required packages."""
    listed = ", ".join(describe_problem(problem, say) for problem in problems)
    return f"{say(REQUIRED_HEADLINE).format(listed)} {install_advice(problems, platform, say)}"


def rasterio_missing(platform: Optional[str] = None) -> str:
    """The English text the raster tools raise when rasterio is missing or too old."""
    return RASTERIO_MISSING[platform_key(platform)]


def optional_messages(problems: Sequence[Problem], platform: Optional[str] = None,
                      say: Callable[..., str] = _untranslated) -> List[str]:
    """One message per missing optional package (for the log at start-up)."""
    messages = []
    for problem in problems:
        if problem.package.name == "rasterio":
            # The tools' own words (translated like their InputError).
            messages.append(say(rasterio_missing(platform), "InputError"))
        else:
            messages.append(f"{say(PYOGRIO_PURPOSE).format(describe_problem(problem, say))} "
                            f"{install_advice([problem], platform, say)}")
    return messages


def optional_package_of(error: ImportError) -> Optional[str]:
    """The optional package whose absence caused ``error``, if it was one."""
    root = (getattr(error, "name", None) or "").split(".")[0]
    return root if isinstance(error, ModuleNotFoundError) and root in {p.name for p in OPTIONAL} else None
