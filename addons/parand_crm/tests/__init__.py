from . import test_identity
from . import test_jalali_data
from . import test_pipeline
from . import test_jalali_webclient
