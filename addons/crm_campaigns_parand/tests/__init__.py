from . import test_list_import_national_code
