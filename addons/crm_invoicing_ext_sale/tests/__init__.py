from . import test_sale_invoice
