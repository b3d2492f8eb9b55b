from . import parand_pipeline_apply
