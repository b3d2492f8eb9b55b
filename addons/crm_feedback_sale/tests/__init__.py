from . import test_sale_transactions
