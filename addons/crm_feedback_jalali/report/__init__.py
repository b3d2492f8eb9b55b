from . import complaint_review
