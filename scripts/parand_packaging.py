#!/usr/bin/env python3
"""Packaging and release tooling: the addons' wheels, the OCA lint hooks, the i18n check.

    python3 scripts/parand_packaging.py wheels [DIR]   # make wheels: dist/odoo_addon_*.whl
    python3 scripts/parand_packaging.py lint           # make lint: pre-commit, OCA's hooks
    python3 scripts/parand_packaging.py i18n-check     # untranslated strings of each fa.po

Standard library only (pip, pre-commit and gettext do the work), so that each command
can say what is missing.
"""

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDONS_DIR = REPO / "addons"
DIST = REPO / "dist"
LANG = "fa"


def say(message):
    print(f"parand: {message}", flush=True)


def addon_dirs():
    """Every addon of the repository: the folders of addons/ holding a __manifest__.py."""
    return sorted(p.parent for p in ADDONS_DIR.glob("*/__manifest__.py"))


def manifest(addon_dir):
    return ast.literal_eval((Path(addon_dir) / "__manifest__.py").read_text("utf-8"))


def pip(*args, python=sys.executable, check=True):
    cmd = [python, "-m", "pip", "--disable-pip-version-check", "--no-input", *args]
    return subprocess.run(cmd, check=check, capture_output=True, text=True)


# ---------------------------------------------------------------------------- wheels
def build_wheels(dest=DIST):
    """Build each addon's odoo-addon-<name> wheel with OCA's whool into `dest`.

    whool takes the name, version and dependencies from the manifest, and the files from
    `git ls-files`: a file git does not know is not in the wheel. Returns the wheels' paths.
    """
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    addons = [d for d in addon_dirs() if (d / "pyproject.toml").is_file()]
    missing = sorted({d.name for d in addon_dirs()} - {d.name for d in addons})
    if missing:
        raise RuntimeError(f"no pyproject.toml in {', '.join(missing)}: copy another addon's")
    for old in dest.glob("odoo_addon_*.whl"):
        old.unlink()
    # whool installed here (requirements-test.txt): build without fetching it for each
    # addon; otherwise pip gets it from PyPI into an isolated build environment.
    isolation = ["--no-build-isolation"] if importlib.util.find_spec("whool") else []
    proc = pip("wheel", "--quiet", "--no-deps", *isolation, "--wheel-dir", str(dest),
               *(str(d) for d in addons), check=False)
    if proc.returncode:
        raise RuntimeError(f"building the wheels failed:\n{proc.stdout}{proc.stderr}")
    wheels = sorted(dest.glob("odoo_addon_*.whl"))
    if len(wheels) != len(addons):
        raise RuntimeError(f"expected {len(addons)} wheels in {dest}, found {len(wheels)}")
    return wheels


def cmd_wheels(args):
    dest = Path(args[0]) if args else DIST
    for wheel in build_wheels(dest):
        say(f"built {wheel.relative_to(REPO) if wheel.is_relative_to(REPO) else wheel}")
    return 0


# ------------------------------------------------------------------------------ lint
def cmd_lint(args):
    """pre-commit's hooks (.pre-commit-config.yaml) over every file of the repository."""
    # The tools the hooks run (requirements-test.txt): module to import, PyPI requirement.
    tools = {"pre_commit": "pre-commit>=3.5", "oca_pre_commit_hooks":
             "oca-odoo-pre-commit-hooks>=0.2", "pylint_odoo": "pylint-odoo>=9.1",
             "ruff": "ruff>=0.6"}
    missing = [req for module, req in tools.items() if not importlib.util.find_spec(module)]
    if missing:
        say(f"installing from PyPI: {' '.join(missing)}")
        pip("install", "--quiet", *missing)
    cmd = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--show-diff-on-failure",
           *args]
    return subprocess.run(cmd, cwd=REPO, check=False).returncode


# ------------------------------------------------------------------------------ i18n
GLOSSARY = REPO / "docs" / "glossary.md"


def untranslated(po_file):
    """The msgids of a .po file without a translation (fuzzy ones count as missing)."""
    import polib  # comes with Odoo

    return [entry.msgid for entry in polib.pofile(str(po_file))
            if entry.msgid and not entry.obsolete
            and (not entry.translated() or "fuzzy" in entry.flags)]


def avoided_terms(glossary=GLOSSARY):
    """{avoided Persian phrase: the English concept} from the glossary's Avoid columns."""
    avoid, columns = {}, None
    for line in glossary.read_text("utf-8").splitlines():
        if not line.startswith("|"):
            columns = None
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if columns is None:
            columns = [cell.lower() for cell in cells]
            continue
        if set(cells) <= {"---", ""} or "avoid" not in columns:
            continue
        row = dict(zip(columns, cells, strict=False))
        for phrase in filter(None, (p.strip() for p in row.get("avoid", "").split(","))):
            avoid[phrase] = f"{row['english']}: {row['persian']}"
    return avoid


def _plain(text):
    """Persian text compared without its zero-width non-joiners and Arabic letter forms."""
    return text.replace("\u200c", " ").replace("\u064a", "\u06cc").replace("\u0643", "\u06a9")


def off_glossary(po_file, avoid):
    """(msgid, avoided phrase, glossary term) for each translation using an avoided term."""
    import polib

    found = []
    for entry in polib.pofile(str(po_file)):
        if entry.obsolete or not entry.msgstr:
            continue
        for phrase, term in avoid.items():
            if _plain(phrase) in _plain(entry.msgstr):
                found.append((entry.msgid, phrase, term))
    return found


def check_translations(addons=None):
    """Print each untranslated source string and each translation off the glossary, per
    addon; return how many there are."""
    avoid = avoided_terms() if GLOSSARY.is_file() else {}
    total = 0
    for addon_dir in addon_dirs():
        if addons and addon_dir.name not in addons:
            continue
        po_file = addon_dir / "i18n" / f"{LANG}.po"
        pot = addon_dir / "i18n" / f"{addon_dir.name}.pot"
        if not po_file.is_file():
            if pot.is_file():
                say(f"{addon_dir.name}: i18n/{LANG}.po is missing")
                total += 1
            continue
        missing = untranslated(po_file)
        for msgid in missing:
            say(f"{addon_dir.name}: untranslated: {msgid!r}")
        wrong = off_glossary(po_file, avoid)
        for msgid, phrase, term in wrong:
            say(f"{addon_dir.name}: {msgid[:60]!r} says {phrase!r}: the glossary says {term}")
        total += len(missing) + len(wrong)
    return total


def cmd_i18n_check(args):
    count = check_translations(args or None)
    if count:
        say(f"{count} source strings lack their Persian translation in i18n/{LANG}.po or "
            "use a term docs/glossary.md avoids: translate them with the glossary's terms")
        return 1
    say("every source string has its Persian translation, in the glossary's terms")
    return 0


COMMANDS = {"wheels": cmd_wheels, "lint": cmd_lint, "i18n-check": cmd_i18n_check}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](argv[1:])
    except (RuntimeError, subprocess.CalledProcessError, FileNotFoundError) as exc:
        print(f"parand: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
