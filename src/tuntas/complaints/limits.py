"""The sizes a complaint's fields may have: one place for the intake service, the API schema (so the
OpenAPI document declares what the service enforces) and the portal form (counters, maxlength)."""

TITLE_MIN = 5
TITLE_MAX = 200
DESCRIPTION_MIN = 20
DESCRIPTION_MAX = 10_000
NAME_MIN = 2
NAME_MAX = 200
EMAIL_MAX = 254
