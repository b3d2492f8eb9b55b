"""The rejection CSV cannot carry spreadsheet formulas (issue #13: L1); no database."""

import csv
import io

from odoo.tests import BaseCase, tagged

from ..tools import list_import as li


@tagged("tools")
class TestRejectionCsvFormulas(BaseCase):
    def test_formula_cells_are_neutralized(self):
        hostile = ["=HYPERLINK(\"http://x\",\"a\")", "+98 912 000 0000", "-2+3",
                   "@SUM(A1)", "\tcmd", "\r=1"]
        data = li.rejections_csv([("Row", "Name", "Contact", "Reason")]
                                 + [(index, cell, cell, "invalid") for index, cell
                                    in enumerate(hostile, start=2)])
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        self.assertEqual(rows[0], ["Row", "Name", "Contact", "Reason"])
        for row, cell in zip(rows[1:], hostile, strict=True):
            self.assertEqual(row[1], "'" + cell)
            self.assertEqual(row[2], "'" + cell)
        # Numbers and plain text stay as they are.
        self.assertEqual([row[0] for row in rows[1:]], [str(i) for i in range(2, 8)])
        plain = li.rejections_csv([(2, "علی", "ali@example.com", "missing name")])
        self.assertIn("2,علی,ali@example.com,missing name", plain.decode("utf-8-sig"))
