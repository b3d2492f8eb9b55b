"""Where admins get the addons: the Apps menu's icon and description page, and the wheels.

Every folder of addons/ with a __manifest__.py is checked, bridges included.
"""

import ast
import re
from html.parser import HTMLParser

import pytest

import parand_env as pe

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PERSIAN = re.compile(r"[\u0600-\u06FF]{3,}")


def addon_names():
    return sorted(p.parent.name for p in pe.ADDONS_DIR.glob("*/__manifest__.py"))


def manifest(addon):
    return ast.literal_eval((pe.ADDONS_DIR / addon / "__manifest__.py").read_text("utf-8"))


def png_size(path):
    """Width and height of a PNG file, from its IHDR chunk."""
    data = path.read_bytes()[:24]
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG file"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.sources.append(dict(attrs).get("src"))


def test_every_addon_is_checked():
    # The folders the other tests iterate over: the three addons at least.
    assert set(pe.ADDONS) <= set(addon_names())


@pytest.mark.parametrize("addon", addon_names())
def test_icon(addon):
    icon = pe.ADDONS_DIR / addon / "static" / "description" / "icon.png"
    assert icon.is_file(), f"{addon}: static/description/icon.png is missing (the Apps menu " \
        "shows Odoo's placeholder): run scripts/gen_addon_description.py"
    width, height = png_size(icon)
    assert width == height >= 128, f"{addon}: icon.png is {width}x{height}, not square >= 128"


@pytest.mark.parametrize("addon", addon_names())
def test_description_page(addon):
    folder = pe.ADDONS_DIR / addon / "static" / "description"
    page = folder / "index.html"
    assert page.is_file(), f"{addon}: static/description/index.html is missing"
    text = page.read_text("utf-8")
    parser = _Images()
    parser.feed(text)
    body = re.sub(r"<[^>]+>", " ", text)
    assert re.search(r"\b(the|and|of)\b", body), f"{addon}: index.html has no English text"
    assert PERSIAN.search(body), f"{addon}: index.html has no Persian text"
    for src in parser.sources:
        assert src and "//" not in src, f"{addon}: index.html loads {src!r} from outside"
        # Odoo serves a relative src from the module's static/description/ folder.
        assert (folder / src).is_file(), f"{addon}: index.html shows {src}, which is missing"
        assert png_size(folder / src)


@pytest.mark.parametrize("addon", addon_names())
def test_manifest_images_and_application(addon):
    data = manifest(addon)
    images = data.get("images")
    assert images, f"{addon}: the manifest names no images (the Apps store banner)"
    for image in images:
        assert (pe.ADDONS_DIR / addon / image).is_file(), f"{addon}: manifest image {image} " \
            "is missing"
        png_size(pe.ADDONS_DIR / addon / image)
    # An app says so; a bridge (auto_install) or a technical base (a Hidden category) is
    # none, which is the default pylint-odoo wants left unsaid.
    if data.get("auto_install") or data["category"].startswith("Hidden"):
        assert not data.get("application"), f"{addon}: a bridge or base is no application"
    else:
        assert data.get("application") is True, f"{addon}: the manifest must say it is an app"


@pytest.mark.parametrize("addon", addon_names())
def test_wheel_project(addon):
    """Each addon builds as odoo-addon-<name> with OCA's whool (see test_wheels.py)."""
    project = pe.ADDONS_DIR / addon / "pyproject.toml"
    assert project.is_file(), f"{addon}: pyproject.toml is missing (make wheels needs it)"
    text = project.read_text("utf-8")
    # (tomllib is Python 3.11+: the lines are read as they are written)
    assert re.search(r'^build-backend = "whool\.buildapi"$', text, re.M), f"{addon}: not whool"
    assert re.search(r'^requires = \["whool[^"]*"\]$', text, re.M), f"{addon}: not whool"
    # whool takes the name and version from the manifest: none written here to drift.
    assert not re.search(r"^(version|name) =", text, re.M), f"{addon}: the manifest says that"


def test_i18n_check_reports_missing_and_off_glossary_translations(tmp_path, capsys):
    """`make i18n` fails on a source string without Persian, a fuzzy one, or a term the
    glossary avoids; the repository's own glossary is read."""
    import parand_packaging as pp

    avoid = pp.avoided_terms()
    assert avoid["شناسه ملی"].startswith("National ID")
    po_file = tmp_path / "fa.po"
    po_file.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Lead"\nmsgstr "سرنخ"\n\n'
        'msgid "Won Revenue"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Opportunity"\nmsgstr "فرصت"\n\n'
        'msgid "National ID"\nmsgstr "شناسه\u200cملی"\n\n'
        'msgid "Cost per Won Deal"\nmsgstr "هزینه به ازای هر فروش موفق"\n',
        encoding="utf-8")
    assert pp.untranslated(po_file) == ["Won Revenue", "Opportunity"]
    assert [(m, p) for m, p, _term in pp.off_glossary(po_file, avoid)] == [
        ("National ID", "شناسه ملی"), ("Cost per Won Deal", "فروش موفق")]


@pytest.mark.parametrize("addon", addon_names())
def test_odoo_runner_sees_every_test(addon):
    """`odoo-bin --test-enable` (OCA's CI, Odoo.sh) runs the Odoo test classes of the modules
    tests/__init__.py imports: every test module is imported there, and holds no pytest
    function or plain unittest class, which Odoo's runner would not run."""
    tests = pe.ADDONS_DIR / addon / "tests"
    modules = sorted(path.stem for path in tests.glob("test_*.py"))
    if not modules:
        return
    imported = set(re.findall(r"^from \. import (\w+)$",
                              (tests / "__init__.py").read_text("utf-8"), re.M))
    assert not set(modules) - imported, f"{addon}: tests/__init__.py does not import " \
        f"{sorted(set(modules) - imported)}"
    for name in modules:
        text = (tests / f"{name}.py").read_text("utf-8")
        assert not re.search(r"^def test_|^import pytest|unittest\.TestCase\b", text, re.M), \
            f"{addon}/tests/{name}.py: a pytest function or unittest class (use BaseCase)"
