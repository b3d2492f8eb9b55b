from . import test_identity
from . import test_jalali_data
from . import test_pipeline
from . import test_stage_conversion
from . import test_crm_translations
