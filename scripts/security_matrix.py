"""Write docs/security-matrix.md from the access matrix table (no Odoo, no database needed).

    python3 scripts/security_matrix.py
"""

import importlib.util
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
TABLE = ROOT / "addons" / "parand_base" / "tests" / "access_matrix.py"


def main():
    spec = importlib.util.spec_from_file_location("access_matrix", TABLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = ROOT / "docs" / "security-matrix.md"
    target.write_text(module.render_markdown(), encoding="utf-8")
    print(f"{target.relative_to(ROOT)}: {len(module.TABLE)} rows")


if __name__ == "__main__":
    main()
