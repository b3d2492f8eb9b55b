from . import test_identity
from . import test_jalali_data
from . import test_pipeline
from . import test_activities_letter
from . import test_sources
from . import test_provinces_postal
from . import test_reader_dates
from . import test_working_days
