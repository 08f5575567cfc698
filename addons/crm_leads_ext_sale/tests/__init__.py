from . import test_sale_status
