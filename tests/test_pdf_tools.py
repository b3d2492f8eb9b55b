"""`make run` and `make test` bring the tools of printed reports: Debian's wkhtmltopdf and
poppler-utils when they can (root on Debian), one line saying what is missing otherwise."""

import parandctl


def _machine(monkeypatch, *, have=(), root=False, apt=True, apt_works=True):
    calls = []

    def which(name):
        return f"/usr/bin/{name}" if name in have or (apt and name == "apt-get") else None

    def run(args, **_kwargs):
        calls.append(args)
        return type("Done", (), {"returncode": 0 if apt_works else 100})()

    monkeypatch.setattr(parandctl.shutil, "which", which)
    monkeypatch.setattr(parandctl.subprocess, "run", run)
    monkeypatch.setattr(parandctl.os, "geteuid", lambda: 0 if root else 1000)
    return calls


def test_nothing_to_do_when_all_are_there(monkeypatch, capsys):
    calls = _machine(monkeypatch, have=("wkhtmltopdf", "pdftotext", "pdftoppm"), root=True)
    parandctl.ensure_pdf_tools()
    assert calls == []
    assert capsys.readouterr().out == ""


def test_root_on_debian_installs_the_missing_packages(monkeypatch, capsys):
    calls = _machine(monkeypatch, have=("pdftotext", "pdftoppm"), root=True)
    parandctl.ensure_pdf_tools()
    assert calls[-1] == ["apt-get", "install", "-y", "-qq", "wkhtmltopdf"]
    assert "warning" not in capsys.readouterr().out


def test_otherwise_one_line_names_what_is_missing_and_goes_on(monkeypatch, capsys):
    calls = _machine(monkeypatch, root=False)
    parandctl.ensure_pdf_tools()
    assert calls == []
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert "poppler-utils and wkhtmltopdf not installed" in lines[0]
    assert "Print gives HTML instead of PDF" in lines[0]
    assert "PDF tests are skipped" in lines[0]


def test_a_failed_installation_is_reported_not_fatal(monkeypatch, capsys):
    _machine(monkeypatch, have=("wkhtmltopdf",), root=True, apt_works=False)
    parandctl.ensure_pdf_tools()
    out = capsys.readouterr().out
    assert "warning: poppler-utils not installed: the PDF tests are skipped" in out
