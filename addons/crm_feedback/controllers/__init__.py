from . import complaint_form, portal
