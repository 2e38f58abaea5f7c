"""FieldVisit: plan joint field research visits and report on them."""

__version__ = "0.1.0"
APP_NAME = "FieldVisit"
