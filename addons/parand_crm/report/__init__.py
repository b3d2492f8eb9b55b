from . import parand_stage_conversion_report
